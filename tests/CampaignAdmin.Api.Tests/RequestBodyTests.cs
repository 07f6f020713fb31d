using System.Net;
using System.Text;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>Rule 1 and the body limit: whatever arrives, the answer is a 4xx with an Error text, never a 500.</summary>
public sealed class RequestBodyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "/v2/campaign/create", "{\"name\":" },
        { "/v2/campaign/create", "not json" },
        { "/v2/campaign/create", "[1,2,3]" },
        { "/v2/campaign/create", "{\"name\":42}" },
        { "/v2/campaign/create", "{\"name\":\"x\",\"clients\":\"abc\"}" },
        { "/v2/campaign/create", "{\"name\":\"x\",\"clients\":[{\"accountID\":123}]}" },
        { "/v2/campaign/create", "{\"name\":\"x\",\"clients\":[{\"accountID\":\"1\",\"params\":[1,2]}]}" },
        { "/v2/campaign/create", new string('[', 200) + new string(']', 200) },
        { "/v2/campaign/create", "{\"name\":\"x\",} " },
        { "/v2/campaign/resendMsg", "{\"messageKey\":[]}" },
        { "/v2/campaign/resendMsg", "" },
        { "/v2/campaign/resendMsg", "null" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedBodyReturnsInvalidRequestBody(string path, string body)
    {
        var response = await factory.Http().PostAsync(path, Json(body));

        var (status, error) = await ErrorOf(response);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(ErrorTexts.InvalidBody, error);
        Assert.DoesNotContain("System.", error);
    }

    [Theory]
    [InlineData("{\"ID\":\"385\"}")]
    [InlineData("{\"ID\":1e99}")]
    [InlineData("{\"ID\":99999999999999999999}")]
    [InlineData("{\"ID\":1.5}")]
    public async Task WrongOrHugeNumbersInDeleteReturnInvalidRequestBody(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/v2/campaign/delete") { Content = Json(body) };

        var (status, error) = await ErrorOf(await factory.Http().SendAsync(request));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(ErrorTexts.InvalidBody, error);
    }

    [Fact]
    public async Task InvalidUtf8ReturnsInvalidRequestBody()
    {
        var content = new ByteArrayContent([(byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']);
        content.Headers.ContentType = new("application/json");

        var (status, error) = await ErrorOf(await factory.Http().PostAsync("/v2/campaign/create", content));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(ErrorTexts.InvalidBody, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task TheBodyIsReadWhateverItsContentType(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"MESSAGEKEY":" "}"""));
        if (contentType is not null) content.Headers.ContentType = new(contentType);

        var response = await factory.Http().PostAsync("/v2/campaign/resendMsg", content);

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.MessageKeyRequired), await ErrorOf(response));
    }

    [Fact]
    public async Task AKeyThatMayNotManageKeysIsRefusedBeforeItsBodyIsRead()
    {
        var integration = await factory.Keys().CreateKeyAsync(new() { ManagesKeys = false });

        var response = await factory.Http(integration.Key).PostAsync("/v2/keys/revoke", Json("{not json"));

        Assert.Equal((HttpStatusCode.Forbidden, ErrorTexts.KeyMayNotManageKeys), await ErrorOf(response));
    }

    [Theory]
    [InlineData("{not json", ErrorTexts.InvalidBody + ": malformed JSON at line 1, byte 2")]
    [InlineData("""{"name":"Bad Name","category":5}""", ErrorTexts.InvalidBody + ": wrong type or malformed value at $.category (line 1, byte 32)")]
    [InlineData("""{"name":"Bad Name"}""", CampaignAdmin.Contracts.Validation.CreateTemplateRequestValidator.NameRule)]
    public async Task ATemplateBodyIsReadBeforeItIsValidated(string body, string error)
    {
        var response = await factory.Http().PostAsync("/v2/whatsapp/templates", Json(body));

        Assert.Equal((HttpStatusCode.BadRequest, error), await ErrorOf(response));
    }

    [Fact]
    public async Task UnknownFieldsAreIgnored()
    {
        var body = """{"name":"x","clients":[{"accountID":"+966539078942","params":["a","b"],"extra":1},{"accountID":"+966539078944","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6","unknown":{"deep":[1,2]}}""";

        var response = await factory.Http().PostAsync("/v2/campaign/create", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRouteAndWrongMethodAnswerWithErrorBodies()
    {
        var http = factory.Http();

        Assert.Equal((HttpStatusCode.NotFound, "not found"), await ErrorOf(await http.GetAsync("/v2/campaign/nope")));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "method not allowed"), await ErrorOf(await http.GetAsync("/v2/campaign/create")));
    }
}
