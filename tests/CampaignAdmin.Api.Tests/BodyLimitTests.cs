using System.Globalization;
using System.Net;
using System.Text.Json;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary><c>Api:MaxRequestBodyMB</c>: a body of exactly the limit is read, one byte more is 413.</summary>
public sealed class BodyLimitTests(BodyLimitTests.OneMegabyte factory) : IClassFixture<BodyLimitTests.OneMegabyte>
{
    private const int Limit = 1024 * 1024;

    public sealed class OneMegabyte : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [ApiLimits.Setting] = "1" };
    }

    /// <summary>A valid two-client create, padded with trailing whitespace (still JSON) to <paramref name="size"/> bytes.</summary>
    public static byte[] CreateBodyOf(int size)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(OrderConfirmation("padded to the limit"), CampaignJson.Options);
        var body = new byte[size];
        json.CopyTo(body, 0);
        body.AsSpan(json.Length).Fill((byte)' ');
        return body;
    }

    [Fact]
    public async Task ACreateOfExactlyTheConfiguredLimitIsAccepted()
    {
        var response = await factory.Http().PostAsync("/v2/campaign/create", Bytes(CreateBodyOf(Limit)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OneByteOverTheConfiguredLimitIs413()
    {
        var response = await factory.Http().PostAsync("/v2/campaign/create", Bytes(CreateBodyOf(Limit + 1)));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, ErrorTexts.BodyTooLarge), await ErrorOf(response));
    }

    [Fact]
    public async Task OneByteOverTheConfiguredLimitWithoutAContentLengthIs413()
    {
        var content = new StreamContent(new MemoryStream(CreateBodyOf(Limit + 1)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/campaign/create") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, ErrorTexts.BodyTooLarge), await ErrorOf(await factory.Http().SendAsync(request)));
    }

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }
}

/// <summary>The default limit, 128 MiB, on a real Kestrel: a create of exactly that size is read, a byte more is refused unread.</summary>
public sealed class DefaultBodyLimitTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private const int Limit = ApiLimits.DefaultMaxRequestBodyMB * 1024 * 1024;

    [Fact]
    public async Task ACreateOfExactlyTheDefaultLimitIsAccepted()
    {
        using var http = new HttpClient { BaseAddress = factory.Address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add(WireHeaders.ApiKey, ApiFactory.DemoKey);
        var content = new ByteArrayContent(BodyLimitTests.CreateBodyOf(Limit));
        content.Headers.ContentType = new("application/json");

        var response = await http.PostAsync("/v2/campaign/create", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OneByteOverTheDefaultLimitIs413BeforeTheBodyIsSent()
    {
        var head = $"POST /v2/campaign/create HTTP/1.1\r\nHost: localhost\r\n{WireHeaders.ApiKey}: {ApiFactory.DemoKey}\r\n" +
                   $"Content-Type: application/json\r\nContent-Length: {(Limit + 1L).ToString(CultureInfo.InvariantCulture)}\r\n\r\n";

        var response = await RawHttp.SendAsync(factory.Address, head, _ => Task.CompletedTask, TimeSpan.FromSeconds(30));

        Assert.Equal(413, response.Status);
        Assert.Equal(ErrorTexts.BodyTooLarge, JsonDocument.Parse(response.Body).RootElement.GetProperty("Error").GetString());
    }
}

/// <summary>A body limit that is not a whole number of megabytes from 1 up stops the start, naming the setting.</summary>
public sealed class BodyLimitSettingTests
{
    private sealed class Configured(string value) : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [ApiLimits.Setting] = value };
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("2000")]
    public void ABadLimitStopsTheStartNamingTheSetting(string value)
    {
        using var factory = new Configured(value);

        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);

        var messages = string.Join(" | ", Chain(exception).Select(e => e.Message));
        Assert.Contains(
            $"Api:MaxRequestBodyMB must be a whole number of megabytes (MiB) from 1 to 1024; it is \"{value}\".", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGoodLimitIsUsed()
    {
        using var factory = new Configured("2");
        var body = BodyLimitTests.CreateBodyOf(2 * 1024 * 1024 + 1);

        var response = await factory.Http().PostAsync("/v2/campaign/create", new ByteArrayContent(body));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, ErrorTexts.BodyTooLarge), await ErrorOf(response));
        Assert.Equal(HttpStatusCode.OK, (await factory.Http().PostAsync("/v2/campaign/create", new ByteArrayContent(BodyLimitTests.CreateBodyOf(2 * 1024 * 1024)))).StatusCode);
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException) yield return exception;
    }
}
