using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Reports;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The report endpoints over real HTTP (Kestrel on a free port), against the fake Campaign API.</summary>
public sealed class ReportsApiTests : IAsyncLifetime
{
    private readonly FakeCampaignApi _api = new();
    private readonly MemoryAuditLog _audit = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ICampaignApi>(_api);
        builder.Services.AddSingleton<ITemplatesApi>(new FakeTemplatesApi());
        builder.Services.AddSingleton(StatusVocabulary.Default); // in the app, registered with the API client
        builder.Services.AddSingleton(new ApiCapabilities());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddReports();
        builder.Services.AddSingleton<IAuditLog>(_audit);
        builder.Services.AddAuthentication(HeaderAuthentication.Name).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.Name, null);
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapReports();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First() + "/") };
        _http.DefaultRequestHeaders.Add(HeaderAuthentication.Header, "marketer@example.com");
    }

    private void Seed(int messages)
    {
        _api.Campaigns.Add(new CampaignResponse
        {
            Id = 9, Name = "Spring sale 2025!", Status = CampaignStatus.Completed, Total = messages,
            ReportHeaders = ["AccountID", "Body {{1}}", "Body {{2}}", "Status", "Error"],
        });
        for (var i = 0; i < messages; i++)
        {
            var failed = i % 3 == 0;
            _api.Messages.Add(new CampaignMessage
            {
                MessageKey = $"K{i:D29}", CampaignId = 9, AccountId = $"+9665390{i:D5}",
                Params = i == 0 ? ["=HYPERLINK(\"http://evil\")", "@SUM(A1)"] : [$"Name {i}", $"ORD-{i}"],
                Status = failed ? "FAILED" : "DELIVERED", ErrorCode = failed ? 131026 : 0, Error = failed ? "Message undeliverable" : "",
                SentAt = "2025-03-01T06:00:00Z", DeliveredAt = failed ? null : "2025-03-01T06:00:05Z",
            });
        }
    }

    [Fact]
    public async Task CsvExportStreamsTheFilteredMessagesInTheViewersZoneWithFormulasNeutralised()
    {
        Seed(2_500);

        using var response = await _http.GetAsync("campaigns/9/export.csv?status=FAILED&tz=Asia/Riyadh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("campaign-9-spring-sale-2025.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("AccountID,Body {{1}},Body {{2}},Status,Error code,Error,Sent at (Asia/Riyadh),Delivered at (Asia/Riyadh),Read at (Asia/Riyadh)", lines[0]);
        Assert.Equal(834, lines.Length - 1); // every third of 2,500, across three API pages of 1,000
        Assert.Equal("'+966539000000,\"'=HYPERLINK(\"\"http://evil\"\")\",'@SUM(A1),FAILED,131026,Message undeliverable,2025-03-01 09:00:00,,", lines[1]);
        Assert.All(lines.Skip(1), line => Assert.Contains(",FAILED,", line));
        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(("marketer@example.com", AuditActions.MessagesExported, 9, "Spring sale 2025!", "CSV, FAILED messages", "127.0.0.1"),
            (entry.UserEmail, entry.Action, entry.CampaignId, entry.CampaignName, entry.Details, entry.IpAddress));
    }

    [Fact]
    public async Task AgainstAServerThatIgnoresOffsetAndStatusTheExportReadsItsWindowAndHoldsOnlyTheFilteredMessages()
    {
        Seed(2_500);
        _api.IgnoresExtensions = true;

        using var response = await _http.GetAsync("campaigns/9/export.csv?status=FAILED&tz=UTC");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The first page (1,000, no X-Total-Count) shows a server that pages no further: its window (all 2,500) comes next,
        // and the report holds every FAILED one of them.
        Assert.Equal(2, _api.MessageCalls);
        Assert.Equal(_api.Messages.Count(m => m.Status == "FAILED"), lines.Length - 1);
        Assert.Equal(834, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains(",FAILED,", line));
    }

    [Fact]
    public async Task XlsxExportHasEveryMessageWithTheNumberAsText()
    {
        Seed(1_200);

        using var response = await _http.GetAsync("campaigns/9/export.xlsx?tz=UTC");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("campaign-9-spring-sale-2025.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(1_200, rows.Count);
        Assert.Equal("+966539000000", rows[0]["AccountID"]);
        Assert.Equal("'=HYPERLINK(\"http://evil\")", rows[0]["Body {{1}}"]);
        Assert.Equal("2025-03-01 06:00:05", rows[1]["Delivered at (UTC)"]);
        Assert.Equal("XLSX, all messages", Assert.Single(_audit.Entries).Details);
    }

    [Fact]
    public async Task AVendorCampaignWithoutReportHeadersGetsItsTemplatesColumnsAndTheGridsStatusWords()
    {
        // The vendor's Go struct: ReportHeaders nil, no TempMsgID, its own words.
        _api.Campaigns.Add(new CampaignResponse { Id = 5, Name = "Go orders", Status = "PROCESSING", Total = 2, TemplateName = "order_confirmation", Lang = "en_US" });
        _api.Messages.Add(new CampaignMessage
        {
            CampaignId = 5, AccountId = "+966539071111", Params = ["Omar", "ORD-1"], Status = "failed", ErrorCode = 131026, Error = "Message undeliverable",
        });
        _api.Messages.Add(new CampaignMessage { MessageKey = "K1", CampaignId = 5, AccountId = "+966539078000", Params = ["Customer", "ORD-0"], Status = "sent" });

        using var response = await _http.GetAsync("campaigns/5/export.csv?tz=UTC");

        Assert.Equal(
        [
            "AccountID,{{1}} customer name · John,{{2}} order number · ORD-12345,Status,Error code,Error,Sent at (UTC),Delivered at (UTC),Read at (UTC)",
            "'+966539071111,Omar,ORD-1,FAILED,131026,Message undeliverable,,,",
            "'+966539078000,Customer,ORD-0,SUBMITTED,,,,,",
        ], (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task UnknownCampaignIs404AndUnknownStatusIs400()
    {
        Seed(2);

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("campaigns/404/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("campaigns/9/export.csv?status=DROP%20TABLE")).StatusCode);
        Assert.Empty(_audit.Entries); // nothing was exported
    }

    [Fact]
    public async Task ExportsNeedASignedInUser()
    {
        Seed(2);
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("campaigns/9/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"templates/{TestTemplates.OrderConfirmationId}/sample.csv")).StatusCode);
    }

    [Fact]
    public async Task TheSampleCsvHasTheTemplatesColumnsAndExamples()
    {
        using var response = await _http.GetAsync($"templates/{TestTemplates.OrderConfirmationId}/sample.csv");

        Assert.Equal("order-confirmation-sample.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFAccount ID,{{1}} customer name · John,{{2}} order number · ORD-12345\r\n'+966539078942,John,ORD-12345\r\n", text);
    }

    [Fact]
    public async Task AStoredDownloadIsServedByItsTokenOnly()
    {
        var store = _app.Services.GetRequiredService<DownloadStore>();
        var token = DownloadStore.NewToken();
        store.Put(token, "rejected.csv", ReportsApi.Csv, Encoding.UTF8.GetBytes("Row,Problem\r\n"));

        Assert.Equal("Row,Problem\r\n", await _http.GetStringAsync(DownloadStore.UrlOf(token)));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(DownloadStore.UrlOf(DownloadStore.NewToken()))).StatusCode);
    }

    [Theory]
    [InlineData("Spring sale 2025!", "campaign-3-spring-sale-2025.csv")]
    [InlineData("عرض رمضان", "campaign-3.csv")]
    [InlineData("../../etc/passwd", "campaign-3-etc-passwd.csv")]
    [InlineData("=cmd|' /C calc'!A0", "campaign-3-cmd-c-calc-a0.csv")]
    public void FileNamesAreSafeSlugs(string name, string expected) => Assert.Equal(expected, ReportFileNames.For(3, name, "csv"));

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>Signed in when the request names a user; the real dashboard signs in with ASP.NET Identity's cookie.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "Test";
        public const string Header = "X-Test-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.TryGetValue(Header, out var user)
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], Name)), Name))
                : AuthenticateResult.NoResult());
    }
}
