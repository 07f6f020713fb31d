using Bunit;
using CampaignAdmin.Web.Components.Pages;
using CampaignAdmin.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Web.Tests;

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
