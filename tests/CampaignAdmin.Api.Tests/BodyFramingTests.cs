using System.Text;
using System.Text.Json;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Validation;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// Bodies Kestrel itself gives up on, over a real socket: bad chunked framing is 400 and a body slower than the minimum data
/// rate is 408, each with its Error text and one warning line in the log, never a 500 or a stack trace.
/// </summary>
public sealed class BodyFramingTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private static string Head(string path, string framing) =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nX-API-Key: {ApiFactory.DemoKey}\r\nContent-Type: application/json\r\n{framing}\r\n\r\n";

    [Theory]
    [InlineData("zz\r\nxx\r\n0\r\n\r\n")]
    [InlineData("5\r\n{\"a\":1}\r\n0\r\n\r\n")]
    [InlineData("2\r\n{}XX0\r\n\r\n")]
    public async Task BadChunkedFramingIs400WithItsText(string chunks)
    {
        var logged = factory.Logs.Entries.Count;
        var response = await RawHttp.SendAsync(factory.Address, Head("/v2/campaign/create", "Transfer-Encoding: chunked"),
            stream => stream.WriteAsync(Encoding.ASCII.GetBytes(chunks)).AsTask(), TimeSpan.FromSeconds(20));

        Assert.Equal(400, response.Status);
        Assert.Equal(ErrorTexts.BadChunkedFraming, ErrorOf(response));
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
        AssertOneWarningWithoutStackTrace(logged, "400");
    }

    [Fact]
    public async Task ABodySlowerThanTheMinimumDataRateIs408WithItsText()
    {
        var logged = factory.Logs.Entries.Count;
        var response = await RawHttp.SendAsync(factory.Address, Head("/v2/campaign/resendMsg", "Content-Length: 10000"),
            async stream =>
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"messageKey\":"));
                await stream.FlushAsync();
            }, TimeSpan.FromSeconds(30));

        Assert.Equal(408, response.Status);
        Assert.Equal(ErrorTexts.BodyTooSlow, ErrorOf(response));
        AssertOneWarningWithoutStackTrace(logged, "408");
    }

    private static string ErrorOf(RawHttp.Response response)
    {
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty("Error").GetString()!;
    }

    /// <summary>What this request logged (everything after the first <paramref name="before"/> lines).</summary>
    private void AssertOneWarningWithoutStackTrace(int before, string status)
    {
        var entries = factory.Logs.Entries.Skip(before).ToArray();
        Assert.Single(entries, e => e.Category == typeof(VendorBody).FullName && e.Level == LogLevel.Warning && e.Message.Contains($" {status}:", StringComparison.Ordinal));
        Assert.Empty(entries.Where(e => e.Level is >= LogLevel.Warning and < LogLevel.None
            && (e.Exception.Length > 0 || e.Message.Contains("   at ", StringComparison.Ordinal) || e.Level >= LogLevel.Error)).Select(e => e.ToString()));
    }
}
