using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Keys;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

public sealed class KeysApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly IApiKeysApi _keys = factory.Keys();

    private static readonly CreateApiKeyRequest Integration = new() { ManagesKeys = false };
    private static readonly CreateApiKeyRequest Dashboard = new() { ManagesKeys = true };

    [Fact]
    public async Task AnIssuedKeyIsShownOnceWorksAndIsListedByItsPrefixOnly()
    {
        var issued = await _keys.CreateKeyAsync(Dashboard);

        Assert.Matches("^ca_[A-Za-z0-9_-]{43}$", issued.Key);
        Assert.Equal((issued.Key[..10], "", false, true), (issued.Prefix, issued.RevokedAt, issued.Current, issued.ManagesKeys));
        Assert.Equal(HttpStatusCode.OK, (await factory.Http(issued.Key).GetAsync("/v2/campaign/getAll")).StatusCode);
        var listed = (await _keys.GetKeysAsync()).Items;
        Assert.True(listed.Single(k => k.Current).Prefix == ApiFactory.DemoKey[..10]);
        var mine = listed.Single(k => k.Id == issued.Id);
        Assert.Equal((issued.Prefix, "", false), (mine.Prefix, mine.Key, mine.Current));
        Assert.True((await factory.Keys(issued.Key).GetKeysAsync()).Items.Single(k => k.Id == issued.Id).Current);
    }

    [Fact]
    public async Task AKeyThatDoesNotManageKeysCallsTheCampaignEndpointsButNotTheKeyEndpoints()
    {
        var integration = await _keys.CreateKeyAsync(Integration);

        Assert.False(integration.ManagesKeys);
        Assert.Equal(HttpStatusCode.OK, (await factory.Http(integration.Key).GetAsync("/v2/campaign/getAll")).StatusCode);
        var http = factory.Http(integration.Key);
        foreach (var response in new[]
                 {
                     await http.GetAsync("/v2/keys"),
                     await http.PostAsync("/v2/keys/create", Json("""{"ManagesKeys":true}""")),
                     await http.PostAsync("/v2/keys/revoke", Json("""{"ID":1}""")),
                 })
            Assert.Equal((HttpStatusCode.Forbidden, ErrorTexts.KeyMayNotManageKeys), await ErrorOf(response));
        Assert.Equal("", (await _keys.GetKeysAsync()).Items.Single(k => k.Current).RevokedAt);
    }

    [Fact]
    public async Task ACompanyHasAtMost25WorkingKeys()
    {
        var (_, key) = await factory.CreateCompanyAsync("Many keys company");
        var keys = factory.Keys(key);
        var issued = new List<ApiKeyInfo>();
        for (var i = 1; i < 25; i++) issued.Add(await keys.CreateKeyAsync(Integration));

        var response = await factory.Http(key).PostAsync("/v2/keys/create", Json("{}"));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.TooManyKeys), await ErrorOf(response));
        await keys.RevokeKeyAsync(new RevokeApiKeyRequest { Id = issued[0].Id });
        Assert.False(string.IsNullOrEmpty((await keys.CreateKeyAsync(Integration)).Key));
    }

    [Fact]
    public async Task TwoKeysRevokingEachOtherAtOnceNeverLeaveTheCompanyWithout()
    {
        // Eight companies at once, so that on PostgreSQL the two statements really overlap: each alone would see the
        // other key still working.
        var pairs = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            var (_, first) = await factory.CreateCompanyAsync($"Mutual revoke company {i}");
            var second = await factory.Keys(first).CreateKeyAsync(Dashboard);
            var firstId = (await factory.Keys(first).GetKeysAsync()).Items.Single(k => k.Current).Id;
            return (first, firstId, second);
        }));

        var answers = await Task.WhenAll(pairs.Select(async p => await Task.WhenAll(
            factory.Http(p.first).PostAsync("/v2/keys/revoke", Json($$"""{"ID":{{p.second.Id}}}""")),
            factory.Http(p.second.Key).PostAsync("/v2/keys/revoke", Json($$"""{"ID":{{p.firstId}}}""")))));

        foreach (var (pair, answer) in pairs.Zip(answers))
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], answer.Select(a => a.StatusCode).Order());
            var working = await Task.WhenAll(StatusWith(pair.first), StatusWith(pair.second.Key));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], working.Order());
        }
    }

    [Fact]
    public async Task KeysIssuedAtOnceNeverTakeTheCompanyPast25()
    {
        var (_, key) = await factory.CreateCompanyAsync("Keys at once company");

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => factory.Http(key).PostAsync("/v2/keys/create", Json("{}"))));

        Assert.Equal(24, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(6, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(25, (await factory.Keys(key).GetKeysAsync()).Items.Count(k => k.RevokedAt == ""));
    }

    private async Task<HttpStatusCode> StatusWith(string key) => (await factory.Http(key).GetAsync("/v2/campaign/getAll")).StatusCode;

    [Fact]
    public async Task ARevokedKeyStopsWorkingAtOnceAndRevokingAgainKeepsTheFirstTime()
    {
        var issued = await _keys.CreateKeyAsync(Integration);

        var revoked = await _keys.RevokeKeyAsync(new RevokeApiKeyRequest { Id = issued.Id });

        Assert.True(revoked.IsRevoked);
        Assert.Equal((HttpStatusCode.Unauthorized, ErrorTexts.InvalidApiKey), await ErrorOf(await factory.Http(issued.Key).GetAsync("/v2/campaign/getAll")));
        Assert.Equal(revoked.RevokedAt, (await _keys.RevokeKeyAsync(new RevokeApiKeyRequest { Id = issued.Id })).RevokedAt);
    }

    [Fact]
    public async Task AKeyCannotRevokeItself()
    {
        var current = (await _keys.GetKeysAsync()).Items.Single(k => k.Current);

        var response = await factory.Http().PostAsync("/v2/keys/revoke", Json($$"""{"ID":{{current.Id}}}"""));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.CannotRevokeOwnKey), await ErrorOf(response));
        Assert.Equal(HttpStatusCode.OK, (await factory.Http().GetAsync("/v2/keys")).StatusCode);
    }

    [Fact]
    public async Task AnotherCompanysKeysAreNeitherListedNorRevocable()
    {
        var (_, otherKey) = await factory.CreateCompanyAsync("Other keys company");
        var other = (await factory.Keys(otherKey).GetKeysAsync()).Items.Single();

        var response = await factory.Http().PostAsync("/v2/keys/revoke", Json($$"""{"ID":{{other.Id}}}"""));

        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.ApiKeyNotFound), await ErrorOf(response));
        Assert.DoesNotContain((await _keys.GetKeysAsync()).Items, k => k.Id == other.Id);
        Assert.Equal(HttpStatusCode.OK, (await factory.Http(otherKey).GetAsync("/v2/keys")).StatusCode);
    }

    [Theory]
    [InlineData("{}", ErrorTexts.IdRequired)]
    [InlineData("""{"ID":0}""", ErrorTexts.IdRequired)]
    [InlineData("{not json", ErrorTexts.InvalidBody + ": malformed JSON at line 1, byte 2")]
    [InlineData("""{"ID":"1"}""", ErrorTexts.InvalidBody + ": wrong type or malformed value at $.ID (line 1, byte 10)")]
    public async Task ABadRevokeRequestIs400WithItsReason(string body, string error)
    {
        var response = await factory.Http().PostAsync("/v2/keys/revoke", Json(body));

        Assert.Equal((HttpStatusCode.BadRequest, error), await ErrorOf(response));
    }
}
