using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Components.Templates;
using CampaignAdmin.Dashboard.Components.Layout;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class CampaignGridTests : DashboardTestContext
{
    private IRenderedComponent<CampaignsPage> Open()
    {
        Api.Campaigns.Add(new CampaignResponse { Id = 2, Name = "Winter promo", Status = CampaignStatus.Scheduled, TemplateName = "discount_code", Total = 3, SendAt = "2025-03-10T09:00:00+03:00", CreatedAt = "2025-03-01T08:00:00Z" });
        Api.Campaigns.Add(new CampaignResponse { Id = 1, Name = "Spring sale", Status = CampaignStatus.Completed, TemplateName = "order_confirmation", Total = 4, SentCount = 3, DeliveredCount = 2, FailedCount = 1, CreatedAt = "2025-02-01T08:00:00Z" });
        RenderProviders();
        var page = Render<CampaignsPage>();
        page.WaitForAssertion(() => Assert.Equal(Api.Campaigns.Count, page.FindAll("[data-testid=campaigns-grid] tbody tr").Count));
        return page;
    }

    [Fact]
    public void RowsShowTemplateStatusSendTimeInTheViewersZoneAndProgress()
    {
        var page = Open();

        var scheduled = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Winter promo", StringComparison.Ordinal));
        Assert.Contains("discount_code", scheduled.TextContent);
        Assert.NotNull(scheduled.QuerySelector("[data-status=scheduled]"));
        Assert.Contains("10 Mar 2025, 09:00", scheduled.TextContent);
        Assert.Contains("in 8 days 21 h", scheduled.TextContent);
        var completed = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Spring sale", StringComparison.Ordinal));
        Assert.Contains("3 sent · 2 delivered · 1 failed of 4", completed.TextContent);
    }

    [Fact]
    public void AVendorsWordsMapThroughTheTableAndAnUnknownOneShowsAsItCame()
    {
        Api.Campaigns.Add(new CampaignResponse { Id = 3, Name = "Vendor busy", Status = "PROCESSING", Total = 5 });
        Api.Campaigns.Add(new CampaignResponse { Id = 4, Name = "Vendor odd", Status = "paused_by_vendor", Total = 5 });
        var page = Open();

        var busy = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Vendor busy", StringComparison.Ordinal));
        Assert.Equal("sending", busy.QuerySelector("[data-state=Sending]")!.TextContent.Trim());
        var odd = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Vendor odd", StringComparison.Ordinal));
        Assert.Equal("paused_by_vendor", odd.QuerySelector("[data-state=Unknown]")!.TextContent.Trim());
        // A campaign whose API says it is still processing keeps the list polling (nothing pushes in these tests).
        page.WaitForAssertion(() => Assert.Equal("Refreshing every 2 s: this Campaign API sends no live updates.", page.Find("[data-testid=live-state]").TextContent.Trim()));
    }

    [Fact]
    public void OnlyScheduledCampaignsCanBeEditedFromTheirRow()
    {
        var page = Open();

        Assert.False(page.Find("button[aria-label='Edit Winter promo']").HasAttribute("disabled"));
        Assert.True(page.Find("button[aria-label='Edit Spring sale']").HasAttribute("disabled"));
    }

    [Fact]
    public void SearchAsksTheServerForMatchingNames()
    {
        var page = Open();

        page.Find("[data-testid=campaigns-grid] input").InputSettled("winter");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=campaigns-grid] tbody tr")));
        Assert.Contains("Winter promo", page.Find("[data-testid=campaigns-grid] tbody tr").TextContent);
    }

    [Fact]
    public void AgainstAServerThatPagesNoFurtherTheListSaysSoAndSearchesFiltersAndPagesItself()
    {
        Api.IgnoresExtensions = true;
        for (var i = 3; i <= 32; i++)
            Api.Campaigns.Add(new CampaignResponse { Id = i, Name = i % 10 == 0 ? $"Ramadan {i}" : $"Promo {i}", Status = i % 2 == 0 ? "COMPLETED" : "failed", Total = 1 });
        Api.Campaigns.Add(new CampaignResponse { Id = 2, Name = "Winter promo", Status = CampaignStatus.Scheduled });
        Api.Campaigns.Add(new CampaignResponse { Id = 1, Name = "Spring sale", Status = CampaignStatus.Completed });
        RenderProviders();
        var page = Render<CampaignsPage>();

        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("[data-testid=campaigns-grid] tbody tr").Count));
        Assert.Equal("This API doesn't page or filter, so the dashboard does it over the 32 campaigns it returned.",
            page.Find("[data-testid=list-window]").TextContent.Trim());
        page.WaitForAssertion(() => Assert.Contains("1-20 of 32", page.Markup));
        page.Find("[data-testid=campaigns-grid] input").InputSettled("ramadan");

        page.WaitForAssertion(() => Assert.Equal(["Ramadan 10", "Ramadan 20", "Ramadan 30"],
            page.FindAll("[data-testid=campaigns-grid] tbody tr td:first-child").Select(td => td.TextContent.Trim())));
        Assert.Equal(2, Api.CampaignCalls); // the first page (no X-Total-Count), then the window: searching reads no more
    }
}
