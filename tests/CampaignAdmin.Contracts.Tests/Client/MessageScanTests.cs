using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Tests.Support;
using Refit;

namespace CampaignAdmin.Contracts.Tests.Client;

/// <summary>Every loop over getCampMsgs ends, whatever the server does with offset, status, messageKey and X-Total-Count.</summary>
public class MessageScanTests
{
    private static ICampaignApi Api(StubHandler server) =>
        RestService.For<ICampaignApi>(new HttpClient(server) { BaseAddress = new Uri("http://campaigns.test") }, ServiceCollectionExtensions.RefitSettings);

    private static string Key(int i) => $"{i:X30}";

    private static int QueryInt(HttpRequestMessage request, string name) =>
        request.RequestUri!.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name)
            .Select(p => int.Parse(p[1], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).First();

    /// <summary>A server over <paramref name="rows"/> that honours resultSize and, when asked, offset and X-Total-Count.</summary>
    private static StubHandler Server(IReadOnlyList<object> rows, bool honoursOffset, bool sendsTotal) => new(request =>
    {
        var offset = honoursOffset ? QueryInt(request, "offset") : 0;
        var page = rows.Skip(offset).Take(QueryInt(request, "resultSize"));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(page), Encoding.UTF8, "application/json") };
        if (sendsTotal) response.Headers.Add("X-Total-Count", rows.Count.ToString(CultureInfo.InvariantCulture));
        return response;
    });

    private static List<object> Rows(int count, bool withKeys = true) =>
        Enumerable.Range(0, count).Select(i => withKeys
            ? (object)new { MessageKey = Key(i), CampaignID = 7, AccountID = $"+96653907{i:D4}", Status = i % 2 == 0 ? "FAILED" : "DELIVERED" }
            : new { CampaignID = 7, AccountID = $"+96653907{i:D4}", Status = "FAILED" }).ToList();

    private static async Task<(MessageScan Scan, List<string> Keys)> ScanAsync(StubHandler server, PagingLimits limits, TimeProvider? time = null)
    {
        var scan = new MessageScan(Api(server), 7, limits, time);
        var keys = new List<string>();
        await foreach (var page in scan.PagesAsync("FAILED")) keys.AddRange(page.Select(m => m.MessageKey.Length > 0 ? m.MessageKey : m.AccountId));
        return (scan, keys);
    }

    [Fact]
    public async Task AServerThatIgnoresOffsetEndsAfterTheRepeatedPage()
    {
        var server = Server(Rows(10), honoursOffset: false, sendsTotal: false);

        var (scan, keys) = await ScanAsync(server, new PagingLimits { PageSize = 4 });

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(Enumerable.Range(0, 4).Select(Key), keys);
        Assert.Equal((PagingEnd.Repeated, 4, true), (scan.End, scan.Read, scan.MayHaveMore));
    }

    [Fact]
    public async Task WithoutATotalItPagesOnUntilAShortPage()
    {
        var server = Server(Rows(10), honoursOffset: true, sendsTotal: false);

        var (scan, keys) = await ScanAsync(server, new PagingLimits { PageSize = 4 });

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(Key), keys);
        Assert.Equal((PagingEnd.Finished, false), (scan.End, scan.MayHaveMore));
    }

    [Fact]
    public async Task AKnownTotalEndsItWithoutAnotherCall()
    {
        var server = Server(Rows(8), honoursOffset: true, sendsTotal: true);

        var (scan, keys) = await ScanAsync(server, new PagingLimits { PageSize = 4 });

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(8, keys.Count);
        Assert.Equal(PagingEnd.Finished, scan.End);
    }

    [Fact]
    public async Task RowsWithoutKeysArePagedByWhatTheyAreAndARepeatStillEndsIt()
    {
        var honoured = await ScanAsync(Server(Rows(6, withKeys: false), honoursOffset: true, sendsTotal: false), new PagingLimits { PageSize = 4 });
        var ignored = Server(Rows(6, withKeys: false), honoursOffset: false, sendsTotal: false);
        var repeated = await ScanAsync(ignored, new PagingLimits { PageSize = 4 });

        Assert.Equal(6, honoured.Keys.Count);
        Assert.Equal((4, 2), (repeated.Keys.Count, ignored.Requests.Count));
    }

    [Fact]
    public async Task ANeverEndingServerStopsAtTheCallLimit()
    {
        var next = 0;
        var server = new StubHandler(request => Json(Enumerable.Range(0, QueryInt(request, "resultSize")).Select(_ => new { MessageKey = Key(next++), Status = "FAILED" })));

        var (scan, keys) = await ScanAsync(server, new PagingLimits { PageSize = 5, MaxCalls = 3 });

        Assert.Equal((3, 15, PagingEnd.CallLimit), (server.Requests.Count, keys.Count, scan.End));
    }

    [Fact]
    public async Task APageLongerThanAskedIsCutAtTheItemLimit()
    {
        var ignoresSize = new StubHandler(_ => Json(Rows(50)));

        var (scan, keys) = await ScanAsync(ignoresSize, new PagingLimits { PageSize = 10, MaxItems = 25 });

        Assert.Equal((1, 25, PagingEnd.ItemLimit), (ignoresSize.Requests.Count, keys.Count, scan.End));
    }

    [Fact]
    public async Task ItStopsAtTheTimeLimit()
    {
        var clock = new ManualClock();
        var next = 0;
        var server = new StubHandler(request =>
        {
            clock.Advance(TimeSpan.FromSeconds(50));
            return Json(Enumerable.Range(0, QueryInt(request, "resultSize")).Select(_ => new { MessageKey = Key(next++) }));
        });

        var (scan, _) = await ScanAsync(server, new PagingLimits { PageSize = 5, MaxTime = TimeSpan.FromMinutes(2) }, clock);

        Assert.Equal((3, PagingEnd.TimeLimit), (server.Requests.Count, scan.End));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task FindingByAnEmptyKeyMatchesNothingAndAsksNothing(string key)
    {
        var server = Server(Rows(3, withKeys: false), honoursOffset: true, sendsTotal: true);

        Assert.Null(await Api(server).FindMessageAsync(7, key));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task FindingAgainstAServerThatIgnoresMessageKeyAndOffsetEndsAndSaysTheMissIsNotCertain()
    {
        var server = Server(Rows(10), honoursOffset: false, sendsTotal: false);
        var api = Api(server);

        var miss = await api.SearchMessageAsync(7, Key(9), limits: new PagingLimits { PageSize = 4 });
        var hit = await api.FindMessageAsync(7, Key(2).ToLowerInvariant(), limits: new PagingLimits { PageSize = 4 });

        Assert.Equal((null, PagingEnd.Repeated, 4), (miss.Found, miss.End, miss.Read));
        Assert.Equal(Key(2), hit!.MessageKey);
        Assert.Equal(3, server.Requests.Count);
    }

    private static HttpResponseMessage Json(object body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };

    [Fact]
    public async Task AFullFirstPageWithoutATotalIsFollowedByTheWindowAndEveryMessageIsReadOnce()
    {
        var server = Server(Rows(1_200), honoursOffset: false, sendsTotal: false);
        var capabilities = new ApiCapabilities();
        var scan = new MessageScan(Api(server), 7, new PagingLimits { PageSize = 500 }, capabilities: capabilities);

        var keys = new List<string>();
        await foreach (var page in scan.PagesAsync()) keys.AddRange(page.Select(m => m.MessageKey));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((10_000, 0), (QueryInt(server.Requests[1], "resultSize"), QueryInt(server.Requests[1], "offset")));
        Assert.Equal(Enumerable.Range(0, 1_200).Select(Key), keys);
        Assert.Equal((PagingEnd.Finished, true, false, ListPaging.Window), (scan.End, scan.Windowed, scan.MayHaveMore, capabilities[ListKind.Messages]));
    }

    [Fact]
    public async Task AKnownWindowIsOneCallAndAFullOneMayHaveMore()
    {
        var server = Server(Rows(300), honoursOffset: false, sendsTotal: false);
        var scan = new MessageScan(Api(server), 7, new PagingLimits { PageSize = 50 }, capabilities: new ApiCapabilities(ListPaging.Window, windowSize: 200));

        var keys = new List<string>();
        await foreach (var page in scan.PagesAsync("FAILED")) keys.AddRange(page.Select(m => m.MessageKey));

        var request = Assert.Single(server.Requests);
        Assert.DoesNotContain("status=", request.RequestUri!.Query, StringComparison.Ordinal); // not asked of a server known to ignore it
        Assert.Equal(200, keys.Count);
        Assert.Equal((PagingEnd.Window, true), (scan.End, scan.MayHaveMore));
    }

    [Fact]
    public async Task AWindowLargerThanTheScansLimitEndsAtTheLimit()
    {
        var server = Server(Rows(300), honoursOffset: false, sendsTotal: false);
        var scan = new MessageScan(Api(server), 7, new PagingLimits { MaxItems = 100 }, capabilities: new ApiCapabilities(ListPaging.Window));

        await foreach (var _ in scan.PagesAsync()) { }

        Assert.Equal(100, QueryInt(Assert.Single(server.Requests), "resultSize"));
        Assert.Equal((PagingEnd.ItemLimit, 100), (scan.End, scan.Read));
    }

    [Fact]
    public async Task FindingOneMessageOnAServerThatPagesNoFurtherLooksThroughTheWindow()
    {
        var server = Server(Rows(3_000), honoursOffset: false, sendsTotal: false);

        var found = await Api(server).FindMessageAsync(7, Key(2_500), capabilities: new ApiCapabilities(ListPaging.Window));

        Assert.Equal(Key(2_500), found!.MessageKey);
        Assert.Single(server.Requests);
    }
}
