using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.Sandbox;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Tests;

/// <summary>The provider is a seam: the core's sending and storage know a provider only by its interfaces.</summary>
public sealed class ProviderSeamTests
{
    private static readonly string SandboxNamespace = typeof(SandboxProvider).Namespace!;

    [Theory]
    [InlineData("CampaignAdmin.Api.Sending")]
    [InlineData("CampaignAdmin.Api.Data")]
    public void TheCoreNeverNamesTheSandbox(string core)
    {
        var offending =
            from type in typeof(MessagingServices).Assembly.GetTypes()
            where InNamespace(type, core) && !InNamespace(type, SandboxNamespace) && !IsProviderTable(type)
            from used in TypeReferences.Of(type)
            where InNamespace(used, SandboxNamespace)
            select $"{type.FullName} uses {used.FullName}";

        Assert.Empty(offending);
    }

    /// <summary>The one allowed exception, and proof that the scan above reads method bodies, not only signatures.</summary>
    [Fact]
    public void OnlyTheProviderTableNamesTheSandboxsRegistration()
    {
        var table = typeof(MessagingServices).Assembly.GetTypes().Where(IsProviderTable);

        Assert.Contains(table, type => TypeReferences.Of(type).Contains(typeof(SandboxServices)));
    }

    [Fact]
    public void TheCoreSchemaHasNoSandboxTables()
    {
        using var db = new CampaignDb(new DbContextOptionsBuilder<CampaignDb>().UseSqlite("Data Source=:memory:").Options);
        var tables = db.Model.GetEntityTypes().Select(entity => entity.GetTableName()!).ToList();

        Assert.Contains("Messages", tables);
        Assert.DoesNotContain(tables, table => table.Contains("Sandbox", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(db.Model.GetEntityTypes(), entity => InNamespace(entity.ClrType, SandboxNamespace));
    }

    private static bool IsProviderTable(Type type) =>
        type == typeof(MessagingServices) || type.DeclaringType == typeof(MessagingServices);

    private static bool InNamespace(Type type, string name) =>
        type.Namespace is { } ns && (ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal));
}
