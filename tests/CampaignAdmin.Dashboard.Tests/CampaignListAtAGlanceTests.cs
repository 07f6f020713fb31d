using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Issue 11: read count and rate beside delivered; filter, search and page kept in the address.</summary>
public sealed class CampaignListAtAGlanceTests : DashboardTestContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private void Seed()
    {
        var read = new CampaignResponse { Id = 1, Name = "Spring sale", Status = CampaignStatus.Completed, Total = 4, SentCount = 4, DeliveredCount = 3, CreatedAt = "2025-02-01T08:00:00Z" };
        read.ReadCount = 2;
        Api.Campaigns.Add(read);
        Api.Campaigns.Add(new CampaignResponse { Id = 2, Name = "Winter promo", Status = CampaignStatus.Scheduled, Total = 3, SendAt = "2025-03-10T09:00:00+03:00" });
        var none = new CampaignResponse { Id = 3, Name = "Autumn news", Status = CampaignStatus.Completed, Total = 2, SentCount = 2 };
        none.ReadCount = 0;
        Api.Campaigns.Add(none);
    }

    private IRenderedComponent<CampaignsPage> Open(int rows)
    {
        RenderProviders();
        var page = Render<CampaignsPage>();
        page.WaitForAssertion(() => Assert.Equal(rows, page.FindAll("[data-testid=campaigns-grid] tbody tr").Count));
        return page;
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<CampaignsPage> page, string name) =>
        page.FindAll("[data-testid=campaigns-grid] tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));

    [Fact]
    public void EachRowShowsItsReadCountAndReadRateOfDeliveredOrADashWhenUnknown()
    {
        Seed();
        var page = Open(3);

        var spring = Row(page, "Spring sale");
        Assert.Equal("2 read", spring.QuerySelector("[data-testid=read-count]")!.TextContent);
        Assert.Equal("67% of delivered", spring.QuerySelector("[data-testid=read-rate]")!.TextContent);
        Assert.Equal("Read rate: 2 messages read of 3 delivered", spring.QuerySelector("[data-testid=read-rate]")!.GetAttribute("title"));
        Assert.Equal("nothing delivered yet", Row(page, "Autumn news").QuerySelector("[data-testid=read-rate]")!.TextContent);
        var unknown = Row(page, "Winter promo").QuerySelector("[data-testid=read-count]")!;
        Assert.Equal(("—", "This Campaign API does not report read counts"), (unknown.TextContent, unknown.GetAttribute("title")));
    }

    [Fact]
    public void AStatusAndSearchInTheAddressFilterTheListFromTheStart()
    {
        Seed();
        Navigation.NavigateTo("campaigns?status=COMPLETED&q=spring");

        var page = Open(1);

        Assert.Contains("Spring sale", Row(page, "Spring sale").TextContent);
        Assert.Equal("spring", page.Find("[data-testid=campaigns-grid] input").GetAttribute("value"));
        Assert.Equal("completed", page.Find("[data-testid=campaign-status-filter]").GetAttribute("value"));
    }

    [Fact]
    public void AgainstAServerThatPagesNoFurtherTheAddressFiltersTheWindowTheDashboardRead()
    {
        Api.IgnoresExtensions = true;
        Seed();
        Navigation.NavigateTo("campaigns?status=completed&q=SPRING");

        var page = Open(1);

        Assert.Contains("Spring sale", Row(page, "Spring sale").TextContent);
        Assert.Equal("This API doesn't page or filter, so the dashboard does it over the 3 campaigns it returned.",
            page.Find("[data-testid=list-window]").TextContent.Trim());
    }

    [Fact]
    public void SearchingPutsTheSearchInTheAddressAndGoingBackToAnEarlierAddressShowsItsList()
    {
        Seed();
        Navigation.NavigateTo("campaigns");
        var page = Open(3);

        page.Find("[data-testid=campaigns-grid] input").InputSettled("winter");

        page.WaitForAssertion(() => Assert.EndsWith("/campaigns?q=winter", Navigation.Uri));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=campaigns-grid] tbody tr")));

        Navigation.NavigateTo("campaigns");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=campaigns-grid] tbody tr").Count));
    }

    [Fact]
    public void APageInTheAddressOpensThatPage()
    {
        for (var i = 1; i <= 25; i++) Api.Campaigns.Add(new CampaignResponse { Id = i, Name = $"Promo {i:D2}", Status = CampaignStatus.Completed, Total = 1 });
        Navigation.NavigateTo("campaigns?page=2");

        var page = Open(5);

        page.WaitForAssertion(() => Assert.Contains("21-25 of 25", page.Markup));
    }
}
