using System.Net;
using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Validation;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

public sealed class AuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/v2/campaign/create" },
        { "PUT", "/v2/campaign/update" },
        { "DELETE", "/v2/campaign/delete" },
        { "GET", "/v2/campaign/getAll" },
        { "GET", "/v2/campaign/getCampMsgs?campaignID=1" },
        { "POST", "/v2/campaign/resendMsg" },
        { "GET", "/v2/whatsapp/templates" },
        { "POST", "/v2/whatsapp/templates" },
        { "GET", "/v2/keys" },
        { "POST", "/v2/keys/create" },
        { "POST", "/v2/keys/revoke" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpointWithoutAKeyReturns401(string method, string path)
    {
        var response = await factory.Http(key: null).SendAsync(Request(method, path));

        Assert.Equal((HttpStatusCode.Unauthorized, ErrorTexts.MissingApiKey), await ErrorOf(response));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpointWithAnUnknownKeyReturns401(string method, string path)
    {
        var response = await factory.Http(key: "ca_not_a_real_key").SendAsync(Request(method, path));

        Assert.Equal((HttpStatusCode.Unauthorized, ErrorTexts.InvalidApiKey), await ErrorOf(response));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TheKeyIsCheckedBeforeTheBody(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : Json("{not json") };

        var response = await factory.Http(key: null).SendAsync(request);

        Assert.Equal((HttpStatusCode.Unauthorized, ErrorTexts.MissingApiKey), await ErrorOf(response));
    }

    [Fact]
    public async Task ARevokedKeyReturns401()
    {
        var (_, key) = await factory.CreateCompanyAsync("Revoked Co");
        Assert.Equal(HttpStatusCode.OK, (await factory.Http(key).GetAsync("/v2/campaign/getAll")).StatusCode);

        await using (var db = await factory.DbAsync())
        {
            var hash = ApiKeys.Hash(key);
            await db.ApiKeys.Where(k => k.Hash == hash).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow));
        }

        Assert.Equal((HttpStatusCode.Unauthorized, ErrorTexts.InvalidApiKey), await ErrorOf(await factory.Http(key).GetAsync("/v2/campaign/getAll")));
    }

    [Fact]
    public async Task KeysAreStoredOnlyAsSha256Hashes()
    {
        var (_, key) = await factory.CreateCompanyAsync("Hash Co");

        await using var db = await factory.DbAsync();
        var stored = await db.ApiKeys.AsNoTracking().ToListAsync();

        Assert.All(stored, k => Assert.Equal(32, k.Hash.Length));
        Assert.Contains(stored, k => k.Hash.SequenceEqual(ApiKeys.Hash(key)));
        Assert.DoesNotContain(stored, k => k.Prefix == key);
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "GET" ? null : Json("{}") };
}
