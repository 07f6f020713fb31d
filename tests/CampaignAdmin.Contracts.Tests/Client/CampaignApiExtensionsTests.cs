using System.Net;
using System.Text.Json;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Tests.Support;
using Refit;

namespace CampaignAdmin.Contracts.Tests.Client;

public class CampaignApiExtensionsTests
{
    private static ICampaignApi Api(StubHandler server) =>
        RestService.For<ICampaignApi>(new HttpClient(server) { BaseAddress = new Uri("http://campaigns.test") }, ServiceCollectionExtensions.RefitSettings);

    private static Dictionary<string, string> Query(HttpRequestMessage request) =>
        request.RequestUri!.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => Uri.UnescapeDataString(kv[1]));

    [Fact]
    public async Task CampaignPageTakesItsTotalFromTheTotalCountHeader()
    {
        var server = StubHandler.Json("""[{"ID":21,"Name":"a"},{"ID":22,"Name":"b"}]""", totalCount: "42");

        var page = await Api(server).GetCampaignPageAsync(offset: 20, pageSize: 10, status: "failed", search: "ramadan");

        Assert.Equal([21, 22], page.Items.Select(c => c.Id));
        Assert.Equal(42, page.Total);
        var request = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/v2/campaign/getAll", request.RequestUri!.AbsolutePath);
        var query = Query(request);
        Assert.Equal("10", query["resultSize"]);
        Assert.Equal("20", query["offset"]);
        Assert.Equal("failed", query["status"]);
        Assert.Equal("ramadan", query["search"]);
        Assert.False(query.ContainsKey("id"));
    }

    [Fact]
    public async Task CampaignPageWithoutFiltersSendsNoFilterParameters()
    {
        var server = StubHandler.Json("[]", totalCount: "0");

        await Api(server).GetCampaignPageAsync(offset: 0, pageSize: 25);

        Assert.Equal(["offset", "resultSize"], Query(Assert.Single(server.Requests)).Keys.Order());
    }

    [Fact]
    public async Task CampaignPageWithoutTotalCountCountsWhatItGot()
    {
        var server = StubHandler.Json("""[{"ID":1},{"ID":2},{"ID":3}]""");

        var page = await Api(server).GetCampaignPageAsync(offset: 30, pageSize: 10);

        Assert.Equal(33, page.Total);
    }

    [Theory]
    [InlineData("many")]
    [InlineData("-5")]
    [InlineData("")]
    public async Task CampaignPageWithAnUnreadableTotalCountCountsWhatItGot(string header)
    {
        var server = StubHandler.Json("""[{"ID":1}]""", totalCount: header);

        var page = await Api(server).GetCampaignPageAsync(offset: 0, pageSize: 10);

        Assert.Equal(1, page.Total);
    }

    [Theory]
    [InlineData("""{"Campaigns":[{"ID":1},{"ID":2}]}""")]
    [InlineData("""{"data":[{"ID":1},{"ID":2}]}""")]
    public async Task CampaignPageReadsAWrappedList(string body)
    {
        var page = await Api(StubHandler.Json(body, totalCount: "2")).GetCampaignPageAsync(0, 10);
        Assert.Equal([1, 2], page.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task CampaignPageReadsANullListAsEmpty()
    {
        var page = await Api(StubHandler.Json("null")).GetCampaignPageAsync(0, 10);
        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task CampaignPageFailureThrowsTheApisError()
    {
        var server = StubHandler.Json("""{"Error":"invalid resultSize: must be a positive integer"}""", HttpStatusCode.BadRequest);

        var exception = await Assert.ThrowsAsync<ApiException>(() => Api(server).GetCampaignPageAsync(0, 10));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("invalid resultSize: must be a positive integer", ApiErrors.ErrorText(exception));
    }

    [Fact]
    public async Task MessagePageAsksForTheCampaignAndReadsTheTotal()
    {
        var server = StubHandler.Json("""[{"MessageKey":"C030200170205C476A3B882B2702FF","CampaignID":7,"Status":"FAILED","ErrorCode":131026}]""", totalCount: "5");

        var page = await Api(server).GetMessagePageAsync(7, offset: 4, pageSize: 1, status: "FAILED");

        var message = Assert.Single(page.Items);
        Assert.Equal(("C030200170205C476A3B882B2702FF", 131026), (message.MessageKey, message.ErrorCode));
        Assert.Equal(5, page.Total);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v2/campaign/getCampMsgs", request.RequestUri!.AbsolutePath);
        var query = Query(request);
        Assert.Equal(("7", "1", "4", "FAILED"), (query["campaignID"], query["resultSize"], query["offset"], query["status"]));
    }

    [Fact]
    public async Task GetCampaignPicksByIdWhenTheServerIgnoresIdAndListsEverything()
    {
        var server = StubHandler.Json("""[{"ID":9,"Name":"nine"},{"ID":7,"Name":"seven"},{"ID":3,"Name":"three"}]""");

        var campaign = await Api(server).GetCampaignAsync(7);

        Assert.Equal("seven", campaign!.Name);
        Assert.Equal("7", Query(Assert.Single(server.Requests))["id"]);
    }

    [Fact]
    public async Task GetCampaignAsksForAWindowNotTheServersDefaultSoAnOlderCampaignIsFoundOnAServerThatIgnoresId()
    {
        var server = StubHandler.Json("[]");

        await Api(server).GetCampaignAsync(7);
        await Api(server).GetCampaignAsync(7, new ApiCapabilities(windowSize: 500));

        Assert.Equal(["10000", "500"], server.Requests.Select(r => Query(r)["resultSize"]));
    }

    [Fact]
    public async Task GetCampaignIsNullWhenTheListDoesNotHoldIt()
    {
        var server = StubHandler.Json("""[{"ID":9},{"ID":3}]""");
        Assert.Null(await Api(server).GetCampaignAsync(7));
    }

    [Fact]
    public async Task GetCampaignFailureThrows()
    {
        var server = StubHandler.Json("""{"Error":"invalid API key"}""", HttpStatusCode.Unauthorized);
        var exception = await Assert.ThrowsAsync<ApiException>(() => Api(server).GetCampaignAsync(7));
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
    }

    [Fact]
    public async Task CreateSendsGoFieldNamesAndReadsTheResponse()
    {
        var server = StubHandler.Json("""{"ID":385,"Name":"Order Confirmation Campaign","Status":"scheduled","Total":2,"ReportHeaders":null}""");

        var response = await Api(server).CreateCampaignAsync(Sample.TemplateRequest());

        Assert.Equal((385, "scheduled", 2), (response.Id, response.Status, response.Total));
        Assert.Empty(response.ReportHeaders);
        var request = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v2/campaign/create", request.RequestUri!.AbsolutePath);
        using var body = JsonDocument.Parse(server.Bodies[0]);
        Assert.Equal(["Name", "Message", "Clients", "JSON", "TempMsgID", "SendAt"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("+966539078942", body.RootElement.GetProperty("Clients")[0].GetProperty("AccountID").GetString());
        Assert.Contains("\"+966539078942\"", server.Bodies[0]);
    }

    [Fact]
    public async Task DeleteSendsTheIdInTheBody()
    {
        var server = StubHandler.Json("""{"ID":385}""");

        await Api(server).DeleteCampaignAsync(new DeleteCampaignRequest { Id = 385 });

        Assert.Equal(HttpMethod.Delete, Assert.Single(server.Requests).Method);
        Assert.Equal("""{"ID":385}""", server.Bodies[0]);
    }

    [Fact]
    public async Task UpdateAndResendUseTheirVerbsAndPaths()
    {
        var server = StubHandler.Json("{}");
        var api = Api(server);

        await api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = 387, Name = "test22", SendAt = "2025-03-04T11:31:25.000Z" });
        await api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = "C030200170205C476A3B882B2702FF" });

        Assert.Equal([(HttpMethod.Put, "/v2/campaign/update"), (HttpMethod.Post, "/v2/campaign/resendMsg")],
            server.Requests.Select(r => (r.Method, r.RequestUri!.AbsolutePath)));
        Assert.Equal(["""{"ID":387,"Name":"test22","SendAt":"2025-03-04T11:31:25.000Z"}""", """{"MessageKey":"C030200170205C476A3B882B2702FF"}"""], server.Bodies);
    }
}
