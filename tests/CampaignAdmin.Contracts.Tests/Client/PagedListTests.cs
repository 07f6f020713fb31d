using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Tests.Support;
using Refit;

namespace CampaignAdmin.Contracts.Tests.Client;

/// <summary>
/// Issue 9, point 2: a list is paged by the server when it says <c>X-Total-Count</c>, and by the dashboard over one window
/// of <c>resultSize</c> when it does not; what is learned is kept per list and shown on every page.
/// </summary>
public class PagedListTests
{
    private readonly ManualClock _time = new();

    private static ICampaignApi Api(StubHandler server) =>
        RestService.For<ICampaignApi>(new HttpClient(server) { BaseAddress = new Uri("http://campaigns.test") }, ServiceCollectionExtensions.RefitSettings);

    private static Dictionary<string, string> Query(HttpRequestMessage request) =>
        request.RequestUri!.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0], kv => Uri.UnescapeDataString(kv[1]));

    /// <summary>The vendor's way: only resultSize; offset, status and search ignored; no X-Total-Count.</summary>
    private static StubHandler Vendor(IReadOnlyList<object> rows) => new(request =>
    {
        var size = Query(request).TryGetValue("resultSize", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 100;
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(rows.Take(size)), Encoding.UTF8, "application/json"),
        };
    });

    private static List<object> Campaigns(int count) =>
        Enumerable.Range(1, count).Select(i => (object)new { ID = count + 1 - i, Name = i % 10 == 0 ? $"Ramadan {i}" : $"Promo {i}", Status = i % 2 == 0 ? "COMPLETED" : "processing" }).ToList();

    private CampaignLists Lists(StubHandler server, ApiCapabilities capabilities) => new(Api(server), capabilities, StatusVocabulary.Default, _time);

    [Fact]
    public async Task WithoutATotalTheDashboardPagesFiltersAndSearchesTheWindowItself()
    {
        var server = Vendor(Campaigns(1_200));
        var capabilities = new ApiCapabilities();
        var list = Lists(server, capabilities).Campaigns();

        var first = await list.PageAsync(new ListQuery(0, 20));

        // The first answer has no X-Total-Count: the second call reads the window (resultSize only).
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(new Dictionary<string, string> { ["resultSize"] = "10000", ["offset"] = "0" }, Query(server.Requests[1]));
        Assert.Equal(ListPaging.Window, capabilities[ListKind.Campaigns]);
        Assert.Equal((20, 1_200, new ListWindow(1_200, 10_000), false), (first.Items.Count, first.Total, first.Window, first.Window!.Full));

        var deep = await list.PageAsync(new ListQuery(1_180, 20));
        var completed = await list.PageAsync(new ListQuery(20, 20, "completed"));
        var searched = await list.PageAsync(new ListQuery(0, 50, null, "ramadan"));
        var both = await list.PageAsync(new ListQuery(0, 50, "sending", "ramadan"));

        // The window serves every page, filter and search without another call.
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(Enumerable.Range(1_181, 20).Select(i => $"Promo {i}").Where(n => !n.EndsWith('0')), deep.Items.Select(c => c.Name).Where(n => n.StartsWith('P')));
        Assert.Equal(600, completed.Total);
        Assert.All(completed.Items, c => Assert.Equal("COMPLETED", c.Status));
        Assert.Equal(Enumerable.Range(21, 20).Select(i => i * 2), completed.Items.Select(c => 1_201 - c.Id));
        Assert.Equal((120, 50), (searched.Total, searched.Items.Count));
        Assert.All(searched.Items, c => Assert.StartsWith("Ramadan", c.Name, StringComparison.Ordinal));
        Assert.Equal(0, both.Total); // every tenth is even, so COMPLETED, never "processing"
    }

    [Fact]
    public async Task AFullWindowSaysSoAndPagingEndsAtIt()
    {
        var server = Vendor(Campaigns(300));
        var list = Lists(server, new ApiCapabilities(ListPaging.Window, windowSize: 100)).Campaigns();

        var last = await list.PageAsync(new ListQuery(80, 50));

        var request = Assert.Single(server.Requests); // known (configured): one call, the window
        Assert.Equal("100", Query(request)["resultSize"]);
        Assert.Equal((20, 100, true), (last.Items.Count, last.Total, last.Window!.Full));
    }

    [Fact]
    public async Task TheWindowIsReadAgainAfterARefreshOrWhenItIsOld()
    {
        var server = Vendor(Campaigns(30));
        var list = Lists(server, new ApiCapabilities(ListPaging.Window)).Campaigns();

        await list.PageAsync(new ListQuery(0, 10));
        await list.PageAsync(new ListQuery(10, 10));
        list.Refresh();
        await list.PageAsync(new ListQuery(0, 10));
        _time.Advance(PagedList<object>.MaxAge);
        await list.PageAsync(new ListQuery(0, 10));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task AServerThatSendsTheTotalPagesItselfAndIsAskedForEachPage()
    {
        var server = StubHandler.Json("""[{"ID":21,"Name":"a"},{"ID":22,"Name":"b"}]""", totalCount: "42");
        var capabilities = new ApiCapabilities();
        var list = Lists(server, capabilities).Campaigns();

        var page = await list.PageAsync(new ListQuery(20, 2, "failed", "ramadan"));

        var request = Assert.Single(server.Requests);
        Assert.Equal(new Dictionary<string, string> { ["resultSize"] = "2", ["offset"] = "20", ["status"] = "failed", ["search"] = "ramadan" }, Query(request));
        Assert.Equal((42, (ListWindow?)null), (page.Total, page.Window));
        Assert.Equal(ListPaging.Server, capabilities[ListKind.Campaigns]);
        Assert.Equal(ListPaging.Auto, capabilities[ListKind.Messages]); // learned per list
    }

    [Fact]
    public async Task MessagesAreFilteredWithTheVendorsWordsInAnyCase()
    {
        var rows = new List<object>
        {
            new { MessageKey = "K1", Status = "failed" }, new { MessageKey = "K2", Status = "sent" }, new { MessageKey = "K3", Status = "FAILED" },
            new { MessageKey = "K4", Status = "READ" },
        };
        var list = Lists(Vendor(rows), new ApiCapabilities()).Messages(7);

        var failed = await list.PageAsync(new ListQuery(0, 25, "FAILED"));
        var submitted = await list.PageAsync(new ListQuery(0, 25, "SUBMITTED"));

        Assert.Equal(["K1", "K3"], failed.Items.Select(m => m.MessageKey));
        Assert.Equal(["K2"], submitted.Items.Select(m => m.MessageKey));
        Assert.Equal(new ListWindow(4, 10_000), failed.Window);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(100_001, "100,001")]
    public void AWindowOutsideItsRangeStopsTheStartNamingTheSetting(int size, string shown)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CampaignApiOptions { WindowSize = size }.Capabilities());

        Assert.Equal($"CampaignApi:WindowSize must be from 1 to 100,000 (it is {shown}).", error.Message);
    }

    [Fact]
    public void TheLargestWindowIsTaken() => Assert.Equal(100_000, new CampaignApiOptions { WindowSize = 100_000 }.Capabilities().WindowSize);
}
