using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

public sealed class QueryTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private readonly ICampaignApi _api;
    private string _key = "";

    public QueryTests(ApiFactory factory) => (_factory, _api) = (factory, factory.Campaigns());

    /// <summary>A company of its own with five campaigns, so counts are exact.</summary>
    public async Task InitializeAsync() => _key = (await _factory.CreateCompanyAsync("Query Co")).Key;

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ICampaignApi> CompanyWithCampaignsAsync()
    {
        var (_, key) = await _factory.CreateCompanyAsync($"Query {Guid.NewGuid():N}");
        var api = _factory.Campaigns(key);
        var json = """{"to":"<accountID>","type":"template","template":{"name":"plain","language":{"code":"en_US"},"components":[]}}""";
        for (var i = 1; i <= 5; i++)
        {
            await api.CreateCampaignAsync(new CreateCampaignRequest
            {
                Name = i % 2 == 0 ? $"Ramadan offer {i}" : $"Spring sale {i}",
                Json = json,
                SendAt = FutureSendAt(TimeSpan.FromDays(i)),
                Clients = [new() { AccountId = "+966539078942" }, new() { AccountId = "+966539078944" }],
            });
        }
        return api;
    }

    [Fact]
    public async Task GetAllListsNewestFirstAndPagesWithTotalCount()
    {
        var api = await CompanyWithCampaignsAsync();

        var page = await api.GetCampaignPageAsync(offset: 1, pageSize: 2);

        Assert.Equal(5, page.Total);
        Assert.Equal(["Ramadan offer 4", "Spring sale 3"], page.Items.Select(c => c.Name));
        Assert.All(page.Items, c => Assert.Empty(c.Clients));
    }

    [Fact]
    public async Task GetAllFiltersByStatusSearchAndId()
    {
        var api = await CompanyWithCampaignsAsync();
        var all = (await api.GetCampaignPageAsync(0, 100)).Items;

        Assert.Equal(2, (await api.GetCampaignPageAsync(0, 100, search: "ramadan")).Total);
        Assert.Equal(5, (await api.GetCampaignPageAsync(0, 100, status: "scheduled")).Total);
        Assert.Equal(0, (await api.GetCampaignPageAsync(0, 100, status: "completed")).Total);
        Assert.Equal(0, (await api.GetCampaignPageAsync(0, 100, search: "%")).Total);
        Assert.Equal(all[2].Name, (await api.GetCampaignAsync(all[2].Id))!.Name);
    }

    [Theory]
    [InlineData("resultSize=0", ErrorTexts.InvalidResultSize)]
    [InlineData("resultSize=-1", ErrorTexts.InvalidResultSize)]
    [InlineData("resultSize=abc", ErrorTexts.InvalidResultSize)]
    [InlineData("resultSize=99999999999999", ErrorTexts.InvalidResultSize)]
    [InlineData("offset=-5", ErrorTexts.InvalidOffset)]
    [InlineData("status=bogus", ErrorTexts.InvalidStatus)]
    [InlineData("id=0", ErrorTexts.IdRequired)]
    [InlineData("id=abc", ErrorTexts.IdRequired)]
    [InlineData("RESULTSIZE=0", ErrorTexts.InvalidResultSize)]
    [InlineData("resultSize=1&resultSize=2", ErrorTexts.InvalidResultSize)]
    [InlineData("offset=1&offset=2", ErrorTexts.InvalidOffset)]
    [InlineData("resultSize=0&offset=-1&status=bogus&id=0", ErrorTexts.InvalidResultSize)]
    [InlineData("offset=-1&status=bogus&id=0", ErrorTexts.InvalidOffset)]
    [InlineData("status=bogus&id=0", ErrorTexts.InvalidStatus)]
    public async Task GetAllRejectsBadQueryValues(string query, string error)
    {
        var response = await _factory.Http(_key).GetAsync($"/v2/campaign/getAll?{query}");

        Assert.Equal((HttpStatusCode.BadRequest, error), await ErrorOf(response));
    }

    [Theory]
    [InlineData("", ErrorTexts.InvalidCampaignId)]
    [InlineData("campaignID=", ErrorTexts.InvalidCampaignId)]
    [InlineData("campaignID=abc", ErrorTexts.InvalidCampaignId)]
    [InlineData("campaignID=0", ErrorTexts.InvalidCampaignId)]
    [InlineData("campaignID=1&resultSize=0", ErrorTexts.InvalidResultSize)]
    [InlineData("campaignID=1&status=LOST", ErrorTexts.InvalidStatus)]
    [InlineData("campaignID=1&offset=x", ErrorTexts.InvalidOffset)]
    [InlineData("CAMPAIGNID=abc", ErrorTexts.InvalidCampaignId)]
    [InlineData("campaignID=1&campaignID=1", ErrorTexts.InvalidCampaignId)]
    [InlineData("campaignID=0&resultSize=0&status=LOST", ErrorTexts.InvalidCampaignId)]
    [InlineData("campaignID=1&resultSize=0&status=LOST", ErrorTexts.InvalidResultSize)]
    public async Task GetCampMsgsRejectsBadQueryValues(string query, string error)
    {
        var response = await _factory.Http(_key).GetAsync($"/v2/campaign/getCampMsgs?{query}");

        Assert.Equal((HttpStatusCode.BadRequest, error), await ErrorOf(response));
    }

    [Fact]
    public async Task GetCampMsgsOfAnUnknownCampaignReturns404()
    {
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.CampaignNotFound), await FailureOf(() => _api.GetMessagePageAsync(999_999, 0, 10)));
    }

    [Fact]
    public async Task GetCampMsgsPagesInSendOrderAndFiltersByStatus()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539078942", "+966501230000", "+966539078944", "+966501240000"]));
        await Eventually.UntilAsync(() => _api.GetMessagePageAsync(campaign.Id, 0, 10, "failed"), p => p.Total == 2, what: "two failures");

        var page = await _api.GetMessagePageAsync(campaign.Id, offset: 1, pageSize: 2);
        var failed = await _api.GetMessagePageAsync(campaign.Id, 0, 10, status: "FAILED");

        Assert.Equal(4, page.Total);
        Assert.Equal(["+966501230000", "+966539078944"], page.Items.Select(m => m.AccountId));
        Assert.Equal(["+966501230000", "+966501240000"], failed.Items.Select(m => m.AccountId));
        Assert.All(page.Items, m => Assert.Matches("^[0-9A-F]{30}$", m.MessageKey));
        Assert.All(failed.Items, m => Assert.Equal(131026, m.ErrorCode));
    }

    [Fact]
    public async Task EachCampaignsMessagesPageOnlyItsOwnMessages()
    {
        var first = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(9)), numbers: ["+966539078102", "+966539078104", "+966539078106"]));
        var second = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(9)), numbers: ["+966539078202", "+966539078204", "+966539078206"]));

        var firstPage = await _api.GetMessagePageAsync(first.Id, offset: 1, pageSize: 5);
        var secondPage = await _api.GetMessagePageAsync(second.Id, offset: 0, pageSize: 2);

        Assert.Equal((3, 3), (firstPage.Total, secondPage.Total));
        Assert.Equal(["+966539078104", "+966539078106"], firstPage.Items.Select(m => m.AccountId));
        Assert.Equal(["+966539078202", "+966539078204"], secondPage.Items.Select(m => m.AccountId));
        Assert.True(string.CompareOrdinal(firstPage.Items[0].MessageKey, firstPage.Items[1].MessageKey) < 0);
    }

    [Fact]
    public async Task OneMessageIsFoundByItsKey()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(9)), numbers: ["+966539078302", "+966539078304"]));
        var second = (await _api.MessagesAsync(campaign.Id))[1];

        var found = await _api.FindMessageAsync(campaign.Id, second.MessageKey.ToLowerInvariant());
        var response = await _factory.Http().GetAsync($"/v2/campaign/getCampMsgs?campaignID={campaign.Id}&messageKey={second.MessageKey}");

        Assert.Equal(("+966539078304", second.MessageKey), (found!.AccountId, found.MessageKey));
        Assert.Equal("1", response.Headers.GetValues(CampaignAdmin.Contracts.Wire.WireHeaders.TotalCount).Single());
        Assert.Null(await _api.FindMessageAsync(campaign.Id, "C030200170205C476A3B882B2702FF"));
    }
}
