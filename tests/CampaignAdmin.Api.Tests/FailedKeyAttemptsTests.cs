using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// Guessing keys (docs/WIRE.md, "Every request"): 20 wrong keys per client address and minute, then 429 with Retry-After for
/// every keyed request from that client, right key or wrong. Other clients and working keys are never held up by it.
/// </summary>
public sealed class FailedKeyAttemptsTests(ClientAddressFactory factory) : IClassFixture<ClientAddressFactory>
{
    private const int Allowed = 20;

    private static string WrongKey(int i) => $"ca_wrong_guess_{i:D4}_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public async Task AfterTwentyWrongKeysAClientGets429WithRetryAfterWhileOthersAreServed()
    {
        const string guesser = "203.0.113.10";
        for (var i = 0; i < Allowed; i++)
            Assert.Equal((HttpStatusCode.Unauthorized, ErrorTexts.InvalidApiKey), await ErrorOf(await factory.From(guesser, WrongKey(i)).GetAsync("/v2/campaign/getAll")));

        var refused = await factory.From(guesser, WrongKey(Allowed)).GetAsync("/v2/campaign/getAll");

        Assert.Equal((HttpStatusCode.TooManyRequests, ErrorTexts.TooManyFailedKeyAttempts), await ErrorOf(refused));
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("nosniff", string.Join("", refused.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.OK, (await factory.From("203.0.113.11").GetAsync("/v2/campaign/getAll")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.From("2001:db8:1::5").GetAsync("/v2/campaign/getAll")).StatusCode);
    }

    [Fact]
    public async Task WhileAClientIsRefusedEvenItsWorkingKeyIsRefusedSoARightGuessShowsNothing()
    {
        const string guesser = "203.0.113.20";
        for (var i = 0; i <= Allowed; i++) await factory.From(guesser, WrongKey(i)).GetAsync("/v2/campaign/getAll");

        var response = await factory.From(guesser).GetAsync("/v2/campaign/getAll");

        Assert.Equal((HttpStatusCode.TooManyRequests, ErrorTexts.TooManyFailedKeyAttempts), await ErrorOf(response));
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task WorkingKeysAndMissingKeysNeverCountAsFailedAttempts()
    {
        const string dashboard = "127.0.0.1";
        for (var i = 0; i < 3 * Allowed; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.From(dashboard).GetAsync("/v2/campaign/getAll")).StatusCode);
            Assert.Equal((HttpStatusCode.Unauthorized, ErrorTexts.MissingApiKey), await ErrorOf(await factory.From(dashboard, key: null).GetAsync("/v2/campaign/getAll")));
        }

        for (var i = 0; i < Allowed; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.From(dashboard, WrongKey(i)).GetAsync("/v2/campaign/getAll")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await factory.From(dashboard, WrongKey(Allowed)).GetAsync("/v2/campaign/getAll")).StatusCode);
    }

    [Fact]
    public async Task AnIpv6ClientCountsByItsSlash64()
    {
        for (var i = 0; i < Allowed; i++)
            await factory.From($"2001:db8:7:7::{i + 1:x}", WrongKey(i)).GetAsync("/v2/campaign/getAll");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await factory.From("2001:db8:7:7::ffff").GetAsync("/v2/campaign/getAll")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.From("2001:db8:7:8::1").GetAsync("/v2/campaign/getAll")).StatusCode);
    }
}
