using Bunit;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The builder's pre-flight panel: run on demand and by Create; what blocks disables Create with the reason, warnings do not.</summary>
public sealed class PreflightPanelTests : BuilderTestBase
{
    private const string Paused = "order_confirmation is PAUSED now, not APPROVED: WhatsApp refuses to send it.";

    private void PauseOrderConfirmation()
    {
        var t = TestTemplates.OrderConfirmation;
        Templates.Templates[Templates.Templates.IndexOf(t)] = new TemplateDto
        {
            Id = t.Id, Name = t.Name, Category = t.Category, Language = t.Language, Status = TemplateStatus.Paused, Creation = t.Creation, Compose = t.Compose, Variables = t.Variables,
        };
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyList<(string Id, string Severity)> Items(BuilderDriver builder) =>
        builder.Page.FindAll("[data-testid=preflight-item]").Select(li => (li.GetAttribute("data-id")!, li.GetAttribute("data-severity")!)).ToList();

    private static string Detail(BuilderDriver builder, string id) =>
        Words(builder.Page.Find($"[data-testid=preflight-item][data-id={id}] [data-testid=preflight-detail]").TextContent);

    [Fact]
    public void ATemplatePausedSinceTheBuilderOpenedAndAnEmptyValueBlockCreateWithTheReason()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();
        builder.Cell(2, "{{2}}").InputSettled("");
        builder.Cell(2, "{{2}}").FocusOutSettled();
        PauseOrderConfirmation();
        Assert.True(builder.CanCreate);

        builder.Click("Check before sending");

        builder.Page.WaitForAssertion(() => Assert.Equal(8, Items(builder).Count));
        Assert.Equal([("template", "Blocking"), ("params", "Passed"), ("empty-params", "Blocking"), ("media", "Passed"), ("recent", "Passed"),
            ("scheduled", "Passed"), ("duration", "Info"), ("cost", "Info")], Items(builder));
        Assert.Equal(Paused, Detail(builder, "template"));
        Assert.Equal("WhatsApp refuses a message with an empty value: row 2 Body {{2}}.", Detail(builder, "empty-params"));
        Assert.Equal("2 items stop the campaign; 0 warnings.", Words(builder.Page.Find("[data-testid=preflight-summary]").TextContent));
        Assert.True(builder.CreateButton.HasAttribute("disabled"));
        Assert.Equal($"The pre-flight check stops this campaign. {Paused} WhatsApp refuses a message with an empty value: row 2 Body {{{{2}}}}.",
            Words(builder.Page.Find("[data-testid=preflight-blocked]").TextContent));
        Assert.Empty(Api.Created);
    }

    [Fact]
    public void AChangeAfterABlockingCheckEnablesCreateAgainAndCreateChecksAgain()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();
        builder.Cell(2, "{{2}}").InputSettled(" ");
        builder.Click("Check before sending");
        builder.Page.WaitForAssertion(() => Assert.True(builder.CreateButton.HasAttribute("disabled")));

        builder.Type(2, "{{2}}", "ORD-2");

        Assert.False(builder.CreateButton.HasAttribute("disabled"));
        Assert.NotNull(builder.Page.Find("[data-testid=preflight-stale]"));
        builder.CreateButton.ClickSettled();
        builder.Page.WaitForAssertion(() => Assert.Single(Api.Created));
        Assert.Equal(["ORD-1", "ORD-2"], Api.Created[0].Clients.Select(c => c.Params[1]));
    }

    [Fact]
    public void WarningsDoNotDisableCreate()
    {
        // The number got this template an hour ago.
        Api.Campaigns.Add(new CampaignResponse { Id = 3, Name = "Earlier", Status = CampaignStatus.Completed, TempMsgId = TestTemplates.OrderConfirmationId, CreatedAt = "2025-03-01T08:00:00Z" });
        Api.Messages.Add(new CampaignMessage { MessageKey = "K1", CampaignId = 3, AccountId = "+966539078944", Status = "DELIVERED", SentAt = "2025-03-01T08:00:00Z" });
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.Click("Check before sending");

        builder.Page.WaitForAssertion(() => Assert.Contains(("recent", "Warning"), Items(builder)));
        Assert.Equal("1 number got this template in the last 24 hours: +966539078944.", Detail(builder, "recent"));
        Assert.Equal("Nothing stops the campaign; 1 warning.", Words(builder.Page.Find("[data-testid=preflight-summary]").TextContent));
        Assert.True(builder.CanCreate);
        Assert.Empty(builder.Page.FindAll("[data-testid=preflight-blocked]"));

        builder.CreateButton.ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Single(Api.Created));
    }

    [Fact]
    public void CreateRunsTheCheckAgainOnTheServerSideAndRefusesWhatBlocksNow()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();
        builder.Click("Check before sending");
        builder.Page.WaitForAssertion(() => Assert.Equal(("template", "Passed"), Items(builder)[0]));

        // Paused after the check the page showed, before Create: the create action's own check finds it.
        PauseOrderConfirmation();
        builder.CreateButton.ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Equal(("template", "Blocking"), Items(builder)[0]));
        Assert.Empty(Api.Created);
        Assert.Equal($"The pre-flight check stops this campaign. {Paused}", Words(builder.Page.Find("[data-testid=submit-error]").TextContent));
        Assert.True(builder.CreateButton.HasAttribute("disabled"));
        var entry = Assert.Single(Audit.Entries, e => e.Action == AuditActions.CampaignCreated);
        Assert.Equal((AuditOutcomes.Refused, $"The pre-flight check stops this campaign. {Paused}"), (entry.Outcome, entry.Details));
    }
}
