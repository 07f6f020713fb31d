using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Live;
using CampaignAdmin.Dashboard.Live.Webhooks;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests.Webhooks;

/// <summary>Turning webhooks on, rotating and off: on the real dashboard database, Admins only, audited by prefix.</summary>
public sealed class StatusWebhookAdminTests
{
    [Theory]
    [InlineData(DashboardRoles.Viewer)]
    [InlineData(DashboardRoles.Marketer)]
    public async Task OnlyAnAdminTurnsWebhooksOnAndARefusalIsRecorded(string role)
    {
        await using var server = await new ServerHarness().StartAsync();
        await using var scope = server.As(role);
        var admin = scope.ServiceProvider.GetRequiredService<StatusWebhookAdmin>();

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => admin.IssueAsync());

        Assert.Equal($"Managing API keys needs the Admin role; you are a {role}.", refused.Message);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<StatusWebhook>().CurrentAsync());
        var audit = (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), 0, 10)).Items;
        Assert.Equal([(AuditActions.WebhookTurnedOn, AuditOutcomes.Refused)], audit.Select(e => (e.Action, e.Outcome)));
    }

    [Fact]
    public async Task AnAdminTurnsOnRotatesAndTurnsOffAndOnlyTheNewestSecretWorks()
    {
        await using var server = await new ServerHarness().StartAsync();
        await using var scope = server.As(DashboardRoles.Admin, "boss@test");
        var admin = scope.ServiceProvider.GetRequiredService<StatusWebhookAdmin>();
        var webhook = scope.ServiceProvider.GetRequiredService<StatusWebhook>();
        var live = scope.ServiceProvider.GetRequiredService<LiveUpdates>();

        var first = await admin.IssueAsync();
        Assert.True(live.IsPushed);
        var second = await admin.IssueAsync();

        Assert.Matches("^whs_[A-Za-z0-9_-]{43}$", first);
        Assert.NotEqual(first, second);
        var verdicts = new List<bool?>();
        foreach (var presented in new[] { first, second, "", second + "x" }) verdicts.Add(await webhook.VerifyAsync(presented));
        Assert.Equal([false, true, false, false], verdicts);

        await admin.TurnOffAsync();

        Assert.Null(await webhook.VerifyAsync(second));
        Assert.False(live.IsPushed);
        var audit = (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), 0, 10)).Items;
        Assert.Equal(
            [(AuditActions.WebhookTurnedOff, second[..8] + "…"), (AuditActions.WebhookRotated, second[..8] + "…"), (AuditActions.WebhookTurnedOn, first[..8] + "…")],
            audit.Select(e => (e.Action, e.Target)));
        Assert.All(audit, e => Assert.Equal(("boss@test", AuditOutcomes.Done), (e.UserEmail, e.Outcome)));
        Assert.DoesNotContain(audit, e => e.Details.Contains(first[8..]) || e.Details.Contains(second[8..]) || e.Target.Contains(second[8..]));
    }

    [Fact]
    public async Task TheDatabaseKeepsOnlyAHashAndTheSecretStillWorksAfterARestart()
    {
        await using var server = await new ServerHarness().StartAsync();
        string secret;
        await using (var scope = server.As(DashboardRoles.Admin))
            secret = await scope.ServiceProvider.GetRequiredService<StatusWebhookAdmin>().IssueAsync();

        var stored = await server.Services.GetRequiredService<IWebhookSecretStore>().GetAsync();
        // A second process on the same database: nothing cached, read from the row.
        using var restarted = new StatusWebhook(server.Services.GetRequiredService<IWebhookSecretStore>(), new LiveUpdates(), TimeProvider.System);

        Assert.NotNull(stored);
        Assert.Equal(32, stored.Hash.Length);
        Assert.DoesNotContain(secret[8..], stored.Prefix);
        Assert.True(await restarted.VerifyAsync(secret));
    }
}
