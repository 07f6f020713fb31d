using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The mutating handlers called directly, as a bypassed UI would: the server checks role and state itself.</summary>
public sealed class CampaignActionsTests : IAsyncLifetime
{
    private const string FailedKey = "0123456789ABCDEF0123456789ABCD";
    private const string DeliveredKey = "A123456789ABCDEF0123456789ABCD";
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        _server = await new ServerHarness().StartAsync();
        _server.Api.Campaigns.Add(new CampaignResponse { Id = 5, Name = "Spring sale", Status = CampaignStatus.Completed, Total = 2, SentCount = 1, FailedCount = 1 });
        _server.Api.Campaigns.Add(new CampaignResponse { Id = 6, Name = "Next week", Status = CampaignStatus.Scheduled, Total = 2, SendAt = "2030-01-01T09:00:00+03:00" });
        _server.Api.Messages.Add(new CampaignMessage { MessageKey = FailedKey, CampaignId = 5, AccountId = "+966539070000", Status = "FAILED" });
        _server.Api.Messages.Add(new CampaignMessage { MessageKey = DeliveredKey, CampaignId = 5, AccountId = "+966539078942", Status = "DELIVERED" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<T> ActAs<T>(string role, Func<CampaignActions, Task<T>> action)
    {
        await using var scope = _server.As(role);
        return await action(scope.ServiceProvider.GetRequiredService<CampaignActions>());
    }

    private async Task<List<AuditEntry>> AuditAsync(int campaignId)
    {
        var page = await _server.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(CampaignId: campaignId), 0, 100);
        return page.Items.ToList();
    }

    [Fact]
    public async Task AViewersResendIsRefusedAndNothingReachesTheApi()
    {
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Viewer, a => a.ResendAsync(5, FailedKey)));

        Assert.Equal("Resending messages needs the Marketer or Admin role; you are a Viewer.", refused.Message);
        Assert.Empty(_server.Api.Resent);
        var entry = Assert.Single(await AuditAsync(5));
        Assert.Equal((AuditActions.MessageResent, AuditOutcomes.Refused, "viewer@test"), (entry.Action, entry.Outcome, entry.UserEmail));
    }

    [Fact]
    public async Task AViewersResendAllAndDeleteAndCreateAreRefused()
    {
        await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Viewer, a => a.ResendAllFailedAsync(5)));
        await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Viewer, a => a.DeleteAsync(5)));
        await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Viewer,
            a => a.CreateAsync(new CreateCampaignRequest { Name = "Nope" })));
        await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Viewer,
            a => a.UpdateAsync(new UpdateCampaignRequest { Id = 6, Name = "Renamed" })));

        Assert.Empty(_server.Api.Resent);
        Assert.Empty(_server.Api.Deleted);
        Assert.Empty(_server.Api.Created);
        Assert.Empty(_server.Api.Updated);
    }

    [Fact]
    public async Task AMarketerCannotDelete()
    {
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Marketer, a => a.DeleteAsync(5)));

        Assert.Equal("Deleting campaigns needs the Admin role; you are a Marketer.", refused.Message);
        Assert.Empty(_server.Api.Deleted);
    }

    [Fact]
    public async Task AnAdminDeletesAndTheAuditKeepsTheCampaignsName()
    {
        await ActAs(DashboardRoles.Admin, a => a.DeleteAsync(5));

        Assert.Equal([5], _server.Api.Deleted);
        var entry = Assert.Single(await AuditAsync(5));
        Assert.Equal((AuditActions.CampaignDeleted, AuditOutcomes.Done, "Spring sale"), (entry.Action, entry.Outcome, entry.CampaignName));
    }

    [Fact]
    public async Task AMarketerResendsAFailedMessageAndTheAuditSaysWhoWhatAndFromWhere()
    {
        var resent = await ActAs(DashboardRoles.Marketer, a => a.ResendAsync(5, FailedKey));

        Assert.Equal("SUBMITTED", resent.Status);
        Assert.Equal([FailedKey], _server.Api.Resent);
        var entry = Assert.Single(await AuditAsync(5));
        Assert.Equal((AuditActions.MessageResent, "marketer@test", "10.0.0.7", FailedKey), (entry.Action, entry.UserEmail, entry.IpAddress, entry.Target));
        Assert.Equal("to +966539070000: SUBMITTED", entry.Details);
    }

    [Fact]
    public async Task AResendOfAMessageThatIsNotFailedIsRefusedEvenForAnAdmin()
    {
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Admin, a => a.ResendAsync(5, DeliveredKey)));

        Assert.Contains("Only a FAILED message can be resent", refused.Message);
        Assert.Empty(_server.Api.Resent);
    }

    [Fact]
    public async Task TwoTabsResendingOneMessageAtOnceMakeOneCallAndTheSecondIsRefused()
    {
        var gate = new TaskCompletionSource<CampaignMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Api.OnResend = _ => gate.Task;
        await using var firstTab = _server.As(DashboardRoles.Marketer);
        await using var secondTab = _server.As(DashboardRoles.Marketer);

        var first = firstTab.ServiceProvider.GetRequiredService<CampaignActions>().ResendAsync(5, FailedKey);
        await Eventually(() => _server.Api.Resent.Count == 1);
        // Bounded: a second resend that reached the API would wait on the same gate.
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() =>
            secondTab.ServiceProvider.GetRequiredService<CampaignActions>().ResendAsync(5, FailedKey).WaitAsync(TimeSpan.FromSeconds(10)));
        gate.SetResult(_server.Api.Submitted(FailedKey));
        await first;

        Assert.Equal("A resend of this message is already in progress.", refused.Message);
        Assert.Equal([FailedKey], _server.Api.Resent);
        var entries = await AuditAsync(5);
        Assert.Equal([AuditOutcomes.Done, AuditOutcomes.Refused], entries.OrderBy(e => e.Outcome == AuditOutcomes.Refused).Select(e => e.Outcome));
        // Settled: the next resend may go.
        await ActAs(DashboardRoles.Marketer, a => a.ResendAsync(5, FailedKey));
        Assert.Equal(2, _server.Api.Resent.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AMessageWithoutAKeyIsNeverResentNorLookedFor(string key)
    {
        _server.Api.Messages.Add(new CampaignMessage { MessageKey = "", CampaignId = 5, AccountId = "+966539070009", Status = "FAILED" });

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Admin, a => a.ResendAsync(5, key)));

        Assert.Equal("This message can't be resent: the API gave no message key.", refused.Message);
        Assert.Equal(0, _server.Api.MessageCalls);
        Assert.Empty(_server.Api.Resent);
    }

    [Fact]
    public async Task AnOutcomeUnknownMessageIsResentOnlyOnceTheUserConfirmed()
    {
        const string unknownKey = "B123456789ABCDEF0123456789ABCD";
        _server.Api.Messages.Add(new CampaignMessage
        {
            MessageKey = unknownKey, CampaignId = 5, AccountId = "+966539070002", Status = "FAILED", Error = "outcome unknown: the provider did not answer",
        });

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Marketer, a => a.ResendAsync(5, unknownKey)));
        Assert.Equal("This message's outcome is unknown: it may already have reached the customer. Confirm that a second copy is acceptable to resend it.",
            refused.Message);
        Assert.Empty(_server.Api.Resent);

        await ActAs(DashboardRoles.Marketer, a => a.ResendAsync(5, unknownKey, outcomeUnknownConfirmed: true));

        Assert.Equal([unknownKey], _server.Api.Resent);
        Assert.Contains(await AuditAsync(5), e => e.Details == "to +966539070002: SUBMITTED (its earlier outcome was unknown; resent after a warning)");
    }

    [Fact]
    public async Task AnEditOfACampaignThatIsNotScheduledIsRefusedEvenForAnAdmin()
    {
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Admin,
            a => a.UpdateAsync(new UpdateCampaignRequest { Id = 5, Name = "Renamed" })));

        Assert.Equal("Only scheduled campaigns can be edited; this one is completed.", refused.Message);
        Assert.Empty(_server.Api.Updated);
    }

    [Fact]
    public async Task AMarketerEditsAScheduledCampaignAndTheAuditListsTheChange()
    {
        await ActAs(DashboardRoles.Marketer, a => a.UpdateAsync(new UpdateCampaignRequest { Id = 6, Name = "Next month" }));

        var entry = Assert.Single(await AuditAsync(6));
        Assert.Equal("name \"Next week\" → \"Next month\"", entry.Details);
    }

    [Fact]
    public async Task ResendAllFailedResendsOnlyTheFailedMessagesAndWritesOneEntry()
    {
        var result = await ActAs(DashboardRoles.Marketer, a => a.ResendAllFailedAsync(5));

        Assert.Equal([FailedKey], _server.Api.Resent);
        Assert.Equal("Resent 1 of 1 failed message.", result.Summary);
        var entry = Assert.Single(await AuditAsync(5));
        Assert.Equal((AuditActions.ResendAllFailed, "Resent 1 of 1 failed message."), (entry.Action, entry.Details));
    }

    [Fact]
    public async Task ADeleteOfACampaignThatIsGoneIsRefused()
    {
        await Assert.ThrowsAsync<ActionRefusedException>(() => ActAs(DashboardRoles.Admin, a => a.DeleteAsync(99)));
        Assert.Empty(_server.Api.Deleted);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            if (waited > 10_000) throw new TimeoutException("The condition did not hold within 10 s.");
            await Task.Delay(10);
        }
    }
}
