using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Components.Audit;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>
/// A table row's read-only cells are one markup string (issue 12): every text the API (or a user) wrote shows as text,
/// never as markup, whatever it holds.
/// </summary>
public sealed class RowMarkupTests : DashboardTestContext
{
    private const string Script = "<script>alert(\"x\")</script> & <b>bold</b>";
    private const string Image = "<img src=x onerror=alert(1)>";

    [Fact]
    public void AnHtmlHostileCampaignNameTemplateAndStatusShowAsText()
    {
        Api.Campaigns.Add(new CampaignResponse { Id = 7, Name = Script, TemplateName = Image, Status = "<i>odd</i>", Total = 2, CreatedAt = "2025-03-01T08:00:00Z" });
        RenderProviders();
        var page = Render<CampaignsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=campaigns-grid] tbody tr")));

        var row = page.Find("[data-testid=campaigns-grid] tbody tr");
        Assert.Equal(Script, row.QuerySelector("td[data-label=Name] a")!.TextContent);
        Assert.Equal("campaigns/7", row.QuerySelector("td[data-label=Name] a")!.GetAttribute("href"));
        Assert.Equal(Image, row.QuerySelector("td[data-label=Template]")!.TextContent);
        Assert.Equal("<i>odd</i>", row.QuerySelector("[data-status] .mud-chip-content")!.TextContent);
        Assert.Equal("<i>odd</i>", row.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Equal($"Open {Script}", row.QuerySelector("a[href='campaigns/7'][aria-label]")!.GetAttribute("aria-label"));
        Assert.Equal($"Delete {Script}", row.QuerySelector("button.mud-error-text")!.GetAttribute("aria-label"));
        Assert.Empty(row.QuerySelectorAll("script, img, b, i"));
    }

    [Fact]
    public void AnHtmlHostileAccountValueAndErrorTextShowAsText()
    {
        Api.Campaigns.Add(new CampaignResponse { Id = 5, Name = "Spring sale", Status = CampaignStatus.Completed, Total = 1, FailedCount = 1 });
        Api.Messages.Add(new CampaignMessage
        {
            MessageKey = "0123456789ABCDEF0123456789ABCDEF", CampaignId = 5, AccountId = "<b>+966539000001</b>", Params = [Script, "a&b"],
            Status = "FAILED", ErrorCode = 131026, Error = Image, Attempts = 2,
        });
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=messages-grid] tbody tr")));

        var row = page.Find("[data-testid=messages-grid] tbody tr");
        Assert.Equal("<b>+966539000001</b>", row.QuerySelector("td[data-label='Account ID']")!.TextContent);
        Assert.Equal([Script, "a&b"], row.QuerySelectorAll("[data-testid=message-value]").Select(v => v.TextContent));
        Assert.Equal($"131026 {Image}", row.QuerySelector("td[data-label=Error] p")!.TextContent);
        Assert.Equal("2", row.QuerySelector("td[data-label=Attempts]")!.TextContent);
        Assert.Equal("Resend to <b>+966539000001</b>", row.QuerySelector("[data-testid=resend]")!.GetAttribute("aria-label"));
        Assert.Empty(row.QuerySelectorAll("script, img, td[data-label='Account ID'] b"));
    }

    [Fact]
    public void AnHtmlHostileAuditEntryShowsAsText()
    {
        Audit.Entries.Add(new AuditEntry
        {
            Id = 1, AtUtc = new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc), UserEmail = "<b>m@test</b>", Action = AuditActions.CampaignEdited,
            Outcome = AuditOutcomes.Failed, CampaignId = 7, CampaignName = Script, Target = Image, Details = "Name: \"<i>x</i>\"", IpAddress = "<u>ip</u>",
        });
        var table = Render<AuditTable>();
        table.WaitForAssertion(() => Assert.Single(table.FindAll("[data-testid=audit-grid] tbody tr")));

        var row = table.Find("[data-testid=audit-grid] tbody tr");
        Assert.Equal("<b>m@test</b>", row.QuerySelector("td[data-label=User]")!.TextContent);
        Assert.Equal(Script, row.QuerySelector("td[data-label=Campaign] a[href='campaigns/7']")!.TextContent);
        Assert.Equal("Name: \"<i>x</i>\"", row.QuerySelector(".audit-details")!.TextContent);
        Assert.Equal(Image, row.QuerySelector("td[data-label=Details] .d-block")!.TextContent);
        Assert.Equal("<u>ip</u>", row.QuerySelector("td[data-label=Address]")!.TextContent);
        Assert.Equal("2025-03-01 08:00:00 UTC", row.QuerySelector("td.nowrap span[title]")!.GetAttribute("title"));
        Assert.Empty(row.QuerySelectorAll("script, img, b, i, u"));
    }
}
