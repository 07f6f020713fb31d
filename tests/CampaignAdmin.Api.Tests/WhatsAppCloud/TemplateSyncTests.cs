using System.Net;
using System.Net.Http.Json;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>The business account's templates come in over every page; a template we create goes to Meta and waits for its review.</summary>
public sealed class TemplateSyncTests(TemplateSyncTests.FiveMetaTemplates factory) : IClassFixture<TemplateSyncTests.FiveMetaTemplates>
{
    /// <summary>Five templates in Meta's list, two to a page: three pages.</summary>
    public sealed class FiveMetaTemplates : WhatsAppWebhookFactory
    {
        public FiveMetaTemplates()
        {
            Graph.MetaTemplates.Enqueue(FakeGraphApi.MetaTemplate("shipping_update", "en_US", "APPROVED", "UTILITY", "Your parcel {{1}} ships on {{2}}.", "PX-1", "Monday"));
            Graph.MetaTemplates.Enqueue(FakeGraphApi.MetaTemplate("shipping_update", "ar", "APPROVED", "UTILITY", "طردك {{1}} يُشحن يوم {{2}}.", "PX-1", "الاثنين"));
            Graph.MetaTemplates.Enqueue(FakeGraphApi.MetaTemplate("winter_sale", "en_US", "PENDING", "MARKETING", "Winter sale: {{1}} off", "30%"));
            Graph.MetaTemplates.Enqueue(FakeGraphApi.MetaTemplate("old_promo", "en_US", "REJECTED", "MARKETING", "Old promo"));
            Graph.MetaTemplates.Enqueue(FakeGraphApi.MetaTemplate("paused_news", "en_US", "PAUSED", "MARKETING", "News for {{1}}", "Sara"));
        }
    }

    [Fact]
    public async Task SyncReadsEveryPageAndBringsTheTemplatesInWithTheirStatuses()
    {
        using var response = await factory.Http().PostAsync("/v2/whatsapp/templates/sync", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<TemplateSyncReport>(CampaignJson.Options);
        Assert.Equal((3, 5, 0, ""), (report!.Pages, report.Templates, report.Skipped, report.Truncated));
        var lists = factory.Graph.Requests.Where(r => r.Method == "GET" && r.PathAndQuery.Contains("/message_templates", StringComparison.Ordinal)).ToList();
        Assert.Contains(lists, r => r.PathAndQuery.EndsWith("&after=cursor-4", StringComparison.Ordinal));
        Assert.All(lists, r => Assert.Equal("Bearer test-access-token", r.Authorization));
        Assert.All(lists, r => Assert.StartsWith($"/{FakeGraphApi.Version}/{WhatsAppWebhookFactory.BusinessAccountId}/message_templates?limit=100", r.PathAndQuery));

        var templates = (await factory.Templates().GetTemplatesAsync()).Items;
        Assert.Equal(("APPROVED", "UTILITY"), Pick(templates, "shipping_update", "en_US") is var s ? (s.Status, s.Category) : default);
        Assert.Equal("APPROVED", Pick(templates, "shipping_update", "ar").Status);
        Assert.Equal("PENDING", Pick(templates, "winter_sale", "en_US").Status);
        Assert.Equal("REJECTED", Pick(templates, "old_promo", "en_US").Status);
        Assert.Equal("PAUSED", Pick(templates, "paused_news", "en_US").Status);
        var shipping = Pick(templates, "shipping_update", "en_US");
        Assert.Equal("Your parcel {{1}} ships on {{2}}.", shipping.BodyText);
        Assert.Equal([("Body {{1}}", "PX-1"), ("Body {{2}}", "Monday")], shipping.Variables.Select(v => (v.Label, v.Example)));
    }

    [Fact]
    public async Task SyncAgainChangesAStatusMetaChangedAndAddsNoDuplicate()
    {
        await factory.Http().PostAsync("/v2/whatsapp/templates/sync", null);
        var before = (await factory.Templates().GetTemplatesAsync()).Items.Count;

        using var response = await factory.Http().PostAsync("/v2/whatsapp/templates/sync", null);
        var report = await response.Content.ReadFromJsonAsync<TemplateSyncReport>(CampaignJson.Options);

        Assert.Equal((0, 0), (report!.Added, report.Updated));
        Assert.Equal(before, (await factory.Templates().GetTemplatesAsync()).Items.Count);
        using var status = await factory.Http().GetAsync("/v2/whatsapp/templates/sync");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.NotEqual("", (await status.Content.ReadFromJsonAsync<TemplateSyncReport>(CampaignJson.Options))!.SyncedAt);
    }

    [Fact]
    public async Task SyncNeedsAnApiKey()
    {
        using var response = await factory.Http(key: null).PostAsync("/v2/whatsapp/templates/sync", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AFailingGraphApiIsA502WithItsWords()
    {
        factory.Graph.TemplateListFails = true;
        try
        {
            using var response = await factory.Http().PostAsync("/v2/whatsapp/templates/sync", null);

            Assert.Equal((HttpStatusCode.BadGateway, "the messaging provider failed: An unknown error occurred"), await ErrorOf(response));
        }
        finally
        {
            factory.Graph.TemplateListFails = false;
        }
    }

    [Fact]
    public async Task CreatingATemplateSubmitsItToMetaAndItStaysPending()
    {
        var created = await factory.Templates().CreateTemplateAsync(new CreateTemplateRequest
        {
            Name = "loyalty_welcome", Category = "marketing", Language = "en_US",
            Creation =
            [
                new() { Type = "HEADER", Format = "TEXT", Text = "Welcome" },
                new() { Type = "BODY", Text = "Hi {{1}}, you have {{2}} points.", Examples = ["Sara", "120"] },
                new() { Type = "BUTTONS", Buttons = [new() { Type = "URL", Text = "See points", Url = "https://example.com/p/{{1}}", Example = "https://example.com/p/abc" }] },
            ],
        });

        Assert.Equal(("PENDING", "MARKETING"), (created.Status, created.Category));
        var submitted = factory.Graph.Requests.Single(r => r.Method == "POST" && r.Body.Contains("loyalty_welcome", StringComparison.Ordinal));
        Assert.Equal($"/{FakeGraphApi.Version}/{WhatsAppWebhookFactory.BusinessAccountId}/message_templates", submitted.PathAndQuery);
        Assert.Equal(
            """{"name":"loyalty_welcome","language":"en_US","category":"MARKETING","components":[{"type":"HEADER","format":"TEXT","text":"Welcome"},{"type":"BODY","text":"Hi {{1}}, you have {{2}} points.","example":{"body_text":[["Sara","120"]]}},{"type":"BUTTONS","buttons":[{"type":"URL","text":"See points","url":"https://example.com/p/{{1}}","example":["https://example.com/p/abc"]}]}]}""",
            submitted.Body);
        Assert.Equal("PENDING", (await factory.Templates().GetTemplatesAsync()).Items.Single(t => t.Id == created.Id).Status);
    }

    [Fact]
    public async Task ATemplateMetaRefusesIsA400WithMetasMessageAndIsNotKept()
    {
        using var response = await factory.Http().PostAsync("/v2/whatsapp/templates", Json(
            """{"Name":"refused_offer","Category":"MARKETING","Language":"en_US","Creation":[{"Type":"BODY","Text":"{{1}} is yours"}]}"""));

        Assert.Equal((HttpStatusCode.BadRequest, TemplateSyncTexts.Refused(FakeGraphApi.RefusalMessage)), await ErrorOf(response));
        Assert.DoesNotContain((await factory.Templates().GetTemplatesAsync()).Items, t => t.Name == "refused_offer");
    }

    private static TemplateDto Pick(IEnumerable<TemplateDto> templates, string name, string language) =>
        templates.Single(t => t.Name == name && t.Language == language);
}

/// <summary>With the sandbox there is nothing to sync, and the route is not there (as on the vendor's API).</summary>
public sealed class TemplateSyncAbsentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task TheSyncRouteIsNotFoundWithTheSandbox(string method)
    {
        using var response = await factory.Http().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/v2/whatsapp/templates/sync"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheWebhookRouteIsNotFoundWithTheSandbox()
    {
        using var response = await factory.Http(key: null).GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
