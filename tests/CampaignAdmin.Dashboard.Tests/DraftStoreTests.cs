using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Tests.Support;
using CampaignAdmin.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Drafts on the real dashboard database, SQLite and PostgreSQL, through the migrations: saved, listed, reopened, replaced, deleted.</summary>
public sealed class DraftStoreTests
{
    private static readonly DraftContent TenThousand = new()
    {
        Name = "Ramadan offers", TemplateId = "c8630dcb-dc36-4968-8ca4-26a78893c1e6", Message = "رمضان كريم {{1}}", Region = "SA",
        SendNow = false, Date = new DateTime(2026, 12, 8), Time = new TimeSpan(9, 0, 0), ZoneId = "Asia/Riyadh", SelectedRow = 9_999,
        Rows = Enumerable.Range(0, 10_000).Select(i => new[] { $"+9665390{i:D5}", $"Customer {i}", $"ORD-{i}" }).ToArray(),
    };

    [Fact]
    public Task OnSqlite() => SavesListsReopensReplacesAndDeletesAsync(settings: null);

    [PostgresFact]
    public async Task OnPostgres()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            await SavesListsReopensReplacesAndDeletesAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Dashboard"] = database });
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }

    private static async Task SavesListsReopensReplacesAndDeletesAsync(IDictionary<string, string?>? settings)
    {
        await using var server = await new ServerHarness(settings).StartAsync();
        var id = Guid.NewGuid();
        await using (var marketer = server.As(DashboardRoles.Marketer, "sara@test"))
        {
            var drafts = marketer.ServiceProvider.GetRequiredService<DraftActions>();
            var compressed = TenThousand.Compress();
            await drafts.SaveAsync(id, TenThousand, compressed);

            var listed = Assert.Single(await drafts.ListAsync());
            Assert.Equal((id, "Ramadan offers", 10_000, "sara@test"), (listed.Id, listed.Name, listed.Recipients, listed.OwnerEmail));
            var reopened = await drafts.OpenAsync(id);
            Assert.NotNull(reopened);
            var content = reopened.Value.Content;
            Assert.Equal(TenThousand with { Rows = [] }, content with { Rows = [] });
            Assert.Equal(TenThousand.Rows.Select(r => string.Join("\t", r)), content.Rows.Select(r => string.Join("\t", r)));
            // One compact blob per draft, not a row per recipient: 10,000 rows are well under 200 KB.
            Assert.True(compressed.Length < 200_000, $"{compressed.Length:N0} bytes");
        }

        await using (var admin = server.As(DashboardRoles.Admin, "boss@test"))
        {
            var drafts = admin.ServiceProvider.GetRequiredService<DraftActions>();
            // Another user's save replaces the content; the draft keeps who started it.
            var renamed = TenThousand with { Name = "Ramadan offers v2", Rows = TenThousand.Rows[..2] };
            await drafts.SaveAsync(id, renamed, renamed.Compress());
            var listed = Assert.Single(await drafts.ListAsync());
            Assert.Equal(("Ramadan offers v2", 2, "sara@test"), (listed.Name, listed.Recipients, listed.OwnerEmail));

            var tooBig = await Assert.ThrowsAsync<ActionRefusedException>(() => drafts.SaveAsync(id, renamed, new byte[DraftLimits.MaxContentBytes + 1]));
            Assert.StartsWith("This draft is not saved any more: it is 16 MB compressed, and a draft keeps at most 16 MB.", tooBig.Message, StringComparison.Ordinal);

            Assert.True(await drafts.DeleteAsync(id, listed.Name, "deleted from the drafts list"));
            Assert.Empty(await drafts.ListAsync());
            Assert.Null(await drafts.OpenAsync(id));
        }

        await using var viewer = server.As(DashboardRoles.Viewer);
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => viewer.ServiceProvider.GetRequiredService<DraftActions>().SaveAsync(Guid.NewGuid(), TenThousand, []));
        Assert.Equal("Creating campaigns needs the Marketer or Admin role; you are a Viewer.", refused.Message);
        var audit = (await viewer.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(Action: AuditActions.DraftDeleted), 0, 10)).Items;
        Assert.Equal([("boss@test", "draft \"Ramadan offers v2\"", "deleted from the drafts list")], audit.Select(e => (e.UserEmail, e.Target, e.Details)));
    }
}
