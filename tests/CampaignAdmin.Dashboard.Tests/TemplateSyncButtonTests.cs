using System.Net;
using Bunit;
using CampaignAdmin.Dashboard.Components.Templates;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>"Sync from WhatsApp" on the Templates page: only where the API can sync; one click, one sync, then the list again.</summary>
public sealed class TemplateSyncButtonTests : DashboardTestContext
{
    [Fact]
    public void TheButtonIsHiddenWhereTheApiCannotSync()
    {
        var page = Render<TemplatesPage>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=template-card]").Count));
        Assert.Empty(page.FindAll("[data-testid=template-sync]"));
    }

    [Fact]
    public void ASyncSaysWhatItDidAndShowsTheListAgain()
    {
        TemplateSync.CanSync = true;
        RenderProviders();
        var page = Render<TemplatesPage>();
        page.WaitForAssertion(() => Assert.Equal("Sync from WhatsApp", page.Find("[data-testid=template-sync]").TextContent.Trim()));
        Templates.Templates.Add(new Contracts.Templates.TemplateDto
        {
            Id = "7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09", Name = "synced_from_whatsapp", Category = "UTILITY", Language = "en_US", Status = "APPROVED",
            Creation = [new() { Type = "BODY", Text = "Synced" }],
        });

        page.Find("[data-testid=template-sync]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("Synced 5 templates from WhatsApp: 2 added, 1 updated.", Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=template-card]").Count));
        Assert.Equal(1, TemplateSync.Syncs);
    }

    [Fact]
    public async Task AFailedSyncSaysWhy()
    {
        TemplateSync.CanSync = true;
        TemplateSync.Failure = await FakeCampaignApi.Error(HttpStatusCode.BadGateway, "the messaging provider failed: An unknown error occurred");
        RenderProviders();
        var page = Render<TemplatesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=template-sync]"));

        page.Find("[data-testid=template-sync]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("The sync from WhatsApp failed.", Snackbars.Markup));
        Assert.Contains("An unknown error occurred", Snackbars.Markup);
    }
}
