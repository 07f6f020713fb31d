using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Live;
using CampaignAdmin.Dashboard.Live.Postgres;
using CampaignAdmin.Dashboard.Live.Webhooks;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>
/// Two dashboard instances (two hosts, real HTTP) on one PostgreSQL database, as behind a proxy with sticky sessions: they
/// share users, sign-in cookies (the key ring is in the database), the audit log and live updates (LISTEN/NOTIFY).
/// </summary>
public sealed partial class SeveralDashboardsTests
{
    private const string Password = "A-long-password-1";

    [PostgresFact]
    public async Task AUserCreatedOnOneInstanceSignsInOnTheOther()
    {
        await using var pair = await DashboardPair.StartAsync();
        await using (var scope = pair.A.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            var user = new DashboardUser { UserName = "new@test", Email = "new@test", EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, DashboardRoles.Viewer);
        }

        var (status, location, session) = await SignInAsync(pair.BrowserOf(pair.B), "new@test", Password);

        Assert.Equal((HttpStatusCode.Found, "/campaigns", true), (status, new Uri(location!).AbsolutePath, session is not null));
    }

    [PostgresFact]
    public async Task ASignInCookieIssuedByOneInstanceIsAcceptedByTheOther()
    {
        await using var pair = await DashboardPair.StartAsync();
        var (_, _, cookie) = await SignInAsync(pair.BrowserOf(pair.A), "admin@test", "Admin-password-1");
        Assert.NotNull(cookie);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/audit");
        request.Headers.Add("Cookie", cookie);
        var onB = await pair.BrowserOf(pair.B).SendAsync(request);

        using var anonymous = await pair.BrowserOf(pair.B).GetAsync("/audit");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [PostgresFact]
    public async Task AnAuditEntryWrittenOnOneInstanceIsListedOnTheOther()
    {
        await using var pair = await DashboardPair.StartAsync();
        var entry = new AuditEntry
        {
            AtUtc = DateTime.UtcNow, UserId = "u", UserEmail = "someone@test", Action = AuditActions.CampaignDeleted, Target = "campaign 7",
        };
        await pair.A.App.Services.GetRequiredService<IAuditLog>().WriteAsync(entry);

        var listed = await pair.B.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(UserEmail: "someone@test"), 0, 10);

        Assert.Equal([(AuditActions.CampaignDeleted, "campaign 7")], listed.Items.Select(e => (e.Action, e.Target)));
    }

    [PostgresFact]
    public async Task AStatusChangeReceivedByOneInstanceReachesALiveUpdatesSubscriberOnTheOther()
    {
        await using var pair = await DashboardPair.StartAsync();
        await Task.WhenAll(pair.A.App.Services.GetRequiredService<PostgresLiveRelay>().Listening,
            pair.B.App.Services.GetRequiredService<PostgresLiveRelay>().Listening).WaitAsync(TimeSpan.FromSeconds(20));
        var (secret, _) = await pair.A.App.Services.GetRequiredService<StatusWebhook>().IssueAsync("admin@test");
        var heard = new TaskCompletionSource<StatusChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = pair.B.App.Services.GetRequiredService<LiveUpdates>().Subscribe(change => heard.TrySetResult(change));

        using var request = new HttpRequestMessage(HttpMethod.Post, StatusWebhook.Path)
        {
            Content = new StringContent("""{"Type":"messageStatus","MessageKey":"k-42","Status":"delivered"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(StatusWebhook.SecretHeader, secret);
        var response = await pair.A.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((null, "k-42", "delivered", LiveSources.Webhook, true),
            (change.CampaignId, change.MessageKey, change.Status, change.Source, change.FromPeer));
    }

    [PostgresFact]
    public async Task AfterTheListeningConnectionIsCutPagesAreToldToReReadAndLaterChangesArriveAgain()
    {
        await using var pair = await DashboardPair.StartAsync();
        var relay = pair.B.App.Services.GetRequiredService<PostgresLiveRelay>();
        await Task.WhenAll(pair.A.App.Services.GetRequiredService<PostgresLiveRelay>().Listening, relay.Listening).WaitAsync(TimeSpan.FromSeconds(20));
        var reRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heard = new TaskCompletionSource<StatusChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = pair.B.App.Services.GetRequiredService<LiveUpdates>().Subscribe(change =>
        {
            if (change is { FromPeer: true, MessageKey: null, CampaignId: null }) reRead.TrySetResult();
            else if (change.MessageKey == "k-after") heard.TrySetResult(change);
        });

        // What a server restart or a proxy's idle timeout does to the listening connections (both instances listen on one channel).
        await using (var admin = new NpgsqlConnection(pair.Database))
        {
            await admin.OpenAsync();
            await using var cut = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query = @listen", admin);
            cut.Parameters.AddWithValue("listen", $"LISTEN {relay.ChannelName}");
            Assert.Equal(2L, await cut.ExecuteScalarAsync());
        }
        await reRead.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var (secret, _) = await pair.A.App.Services.GetRequiredService<StatusWebhook>().IssueAsync("admin@test");
        using var request = new HttpRequestMessage(HttpMethod.Post, StatusWebhook.Path)
        {
            Content = new StringContent("""{"Type":"messageStatus","MessageKey":"k-after","Status":"read"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(StatusWebhook.SecretHeader, secret);
        Assert.Equal(HttpStatusCode.OK, (await pair.A.Http.SendAsync(request)).StatusCode);
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("k-after", "read", true), (change.MessageKey, change.Status, change.FromPeer));
    }

    [Fact]
    public async Task AnUnreachableDashboardDatabaseStopsTheStartNamingTheSettingButNeverThePassword()
    {
        var port = FreePorts.Next();
        var settings = DashboardPair.Remote($"Host=127.0.0.1;Port={port};Database=dashboard;Username=dash;Password=s3cret-pw;Timeout=5");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ProductHost.StartAsync(settings));

        Assert.Equal("The dashboard database cannot be opened (Database:Provider Postgres, ConnectionStrings:Dashboard " +
                     $"\"Host=127.0.0.1;Port={port};Database=dashboard;Username=dash;Timeout=5\"): Failed to connect to 127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task PostgresWithoutADashboardConnectionStringStopsTheStartNamingTheSetting()
    {
        var settings = DashboardPair.Remote(" ");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ProductHost.StartAsync(settings));

        Assert.Equal("ConnectionStrings:Dashboard must hold a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) " +
                     "when Database:Provider is Postgres.", error.Message);
    }

    [Fact]
    public void EachProvidersMigrationsBuildExactlyTheDashboardModel()
    {
        using var sqlite = new DesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.Equal((false, false), (sqlite.Database.HasPendingModelChanges(), postgres.Database.HasPendingModelChanges()));
    }

    /// <summary>Signs in through the real form: its antiforgery token and cookie, then the POST. Answers the session cookie, if any.</summary>
    private static async Task<(HttpStatusCode Status, string? Location, string? SessionCookie)> SignInAsync(HttpClient browser, string email, string password)
    {
        using var page = await browser.GetAsync(IdentityHosting.SignInPath);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenInput().Match(html).Groups[1].Value;
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, IdentityHosting.SignInPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Input.Email"] = email, ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var response = await browser.SendAsync(post);
        var session = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("CampaignAdmin.Session=", StringComparison.Ordinal))
            : null;
        return (response.StatusCode, response.Headers.Location?.OriginalString, session);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    /// <summary>Two dashboards alone (remote mode: the API is elsewhere, nothing listens there) on one fresh PostgreSQL database.</summary>
    private sealed class DashboardPair : IAsyncDisposable
    {
        private string _database = "";

        public string Database => _database;

        public ProductHost A { get; private set; } = null!;
        public ProductHost B { get; private set; } = null!;

        /// <summary>A client that shows redirects and keeps no cookies of its own: the test says which cookie goes where.</summary>
        public HttpClient BrowserOf(ProductHost host)
        {
            var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Http.BaseAddress };
            _clients.Add(client);
            return client;
        }

        private readonly List<HttpClient> _clients = [];

        public static Dictionary<string, string?> Remote(string connectionString) => new()
        {
            ["CampaignApi:BaseUrl"] = "http://127.0.0.1:9/",
            ["CampaignApi:ApiKey"] = "ca_remote-key",
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Dashboard"] = connectionString,
        };

        public static async Task<DashboardPair> StartAsync()
        {
            var pair = new DashboardPair { _database = PostgresServer.Shared.CreateDatabase() };
            pair.A = await ProductHost.StartAsync(Remote(pair._database));
            pair.B = await ProductHost.StartAsync(Remote(pair._database));
            return pair;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in _clients) client.Dispose();
            if (A is not null) await A.DisposeAsync();
            if (B is not null) await B.DisposeAsync();
            if (_database.Length > 0) PostgresServer.Shared.DropDatabase(_database);
        }
    }
}
