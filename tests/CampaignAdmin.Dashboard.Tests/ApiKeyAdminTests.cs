using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The API keys section's handlers, called without the UI.</summary>
public sealed class ApiKeyAdminTests
{
    [Theory]
    [InlineData(DashboardRoles.Viewer)]
    [InlineData(DashboardRoles.Marketer)]
    public async Task OnlyAnAdminManagesKeysAndARefusalIsRecordedWithoutCallingTheApi(string role)
    {
        await using var server = await new ServerHarness().StartAsync();
        await using var scope = server.As(role);
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>();

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => keys.IssueAsync(managesKeys: false));
        await Assert.ThrowsAsync<ActionRefusedException>(() => keys.ListAsync());
        await Assert.ThrowsAsync<ActionRefusedException>(() => keys.RevokeAsync(server.Keys.Keys[0]));

        Assert.Equal($"Managing API keys needs the Admin role; you are a {role}.", refused.Message);
        Assert.Equal(0, server.Keys.Calls);
        var audit = (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), 0, 10)).Items;
        Assert.Equal([AuditActions.ApiKeyRevoked, AuditActions.ApiKeysListed, AuditActions.ApiKeyIssued], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(AuditOutcomes.Refused, e.Outcome));
    }

    [Fact]
    public async Task AnAdminIssuesAndRevokesAKeyAuditedByItsPrefixNeverTheKey()
    {
        await using var server = await new ServerHarness().StartAsync();
        await using var scope = server.As(DashboardRoles.Admin, "boss@test");
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>();

        var issued = await keys.IssueAsync(managesKeys: false);
        var revoked = await keys.RevokeAsync((await keys.ListAsync()).Keys!.Single(k => k.Id == issued.Id));

        Assert.True(revoked.IsRevoked);
        var audit = (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), 0, 10)).Items;
        Assert.Equal([(AuditActions.ApiKeyRevoked, "ca_kkkkkkk…"), (AuditActions.ApiKeyIssued, "ca_kkkkkkk…")], audit.Select(e => (e.Action, e.Target)));
        Assert.All(audit, e => Assert.Equal(("boss@test", AuditOutcomes.Done, "10.0.0.7"), (e.UserEmail, e.Outcome, e.IpAddress)));
        Assert.DoesNotContain(audit, e => e.Details.Contains(issued.Key) || e.Target.Contains(issued.Key));
    }

    [Fact]
    public async Task TheDashboardsOwnKeyIsNotRevokedFromTheDashboard()
    {
        await using var server = await new ServerHarness().StartAsync();
        await using var scope = server.As(DashboardRoles.Admin);
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>();

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => keys.RevokeAsync(server.Keys.Keys[0]));

        Assert.StartsWith("This is the key the dashboard itself uses", refused.Message);
        Assert.Equal((0, ""), (server.Keys.Calls, server.Keys.Keys[0].RevokedAt));
    }

    [Fact]
    public async Task AnApiWithoutKeyEndpointsOrADashboardKeyThatMayNotManageKeysSaysSoInsteadOfFailing()
    {
        await using var server = await new ServerHarness().StartAsync();
        await using var scope = server.As(DashboardRoles.Admin);
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>();

        server.Keys.Missing = true;
        Assert.Equal((null, ApiKeyAdmin.NoKeyEndpoints), await keys.ListAsync());
        (server.Keys.Missing, server.Keys.Forbidden) = (false, true);
        Assert.Equal((null, ApiKeyAdmin.KeyCannotManage), await keys.ListAsync());
    }

    [Fact]
    public async Task AFailedIssueIsAuditedAsFailedWithTheApisReason()
    {
        await using var server = await new ServerHarness().StartAsync();
        server.Keys.Forbidden = true;
        await using var scope = server.As(DashboardRoles.Admin);

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().IssueAsync(managesKeys: true));

        var entry = Assert.Single((await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), 0, 10)).Items);
        Assert.Equal((AuditActions.ApiKeyIssued, AuditOutcomes.Failed, refused.Message), (entry.Action, entry.Outcome, entry.Details));
        Assert.Contains("this API key may not manage keys", refused.Message);
    }
}
