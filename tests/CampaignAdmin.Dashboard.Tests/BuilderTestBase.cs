using Bunit;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Components.Templates;
using CampaignAdmin.Dashboard.Components.Layout;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

public abstract class BuilderTestBase : DashboardTestContext
{
    protected BuilderDriver OpenBuilder(string? templateId = null)
    {
        var popovers = RenderProviders();
        if (templateId is not null)
            Services.GetRequiredService<NavigationManager>().NavigateTo($"campaigns/new?template={Uri.EscapeDataString(templateId)}");
        var page = Render<NewCampaign>();
        page.WaitForAssertion(() => page.Find("input[data-testid=campaign-name]"));
        return new BuilderDriver(page, popovers);
    }
}
