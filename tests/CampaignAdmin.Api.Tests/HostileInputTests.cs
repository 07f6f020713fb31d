using System.Net;
using System.Text;
using System.Text.Json;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Validation;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// Several hundred malformed or hostile requests against every endpoint: each gets a 4xx with an Error text, never a
/// 5xx or a stack trace, and the database is left exactly as it was.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Fixture fixture) : IClassFixture<HostileInputTests.Fixture>
{
    public sealed class Fixture : ApiFactory
    {
        public int ScheduledId { get; private set; }

        public async Task<int> ScheduledCampaignAsync()
        {
            if (ScheduledId == 0)
                ScheduledId = (await Campaigns().CreateCampaignAsync(OrderConfirmation(name: "Target", sendAt: FutureSendAt(TimeSpan.FromDays(30))))).Id;
            return ScheduledId;
        }
    }

    private static readonly string[] HostileStrings =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "' OR '1'='1' --",
        "\"; DROP TABLE Campaigns; --",
        "1; DELETE FROM Messages",
        "\u202Egnp.exe\u202C",
        "\u200B\u200C\u200D\uFEFF",
        "مرحبا \u200F بالعالم",
        "🎉💥👩‍👩‍👧‍👦",
        "\u0000\u0001\u001F",
        "../../../../etc/passwd",
        "${jndi:ldap://127.0.0.1/a}",
        "{{1}}{{2}}{{999999999}}",
        "%00%0d%0aSet-Cookie: x=y",
        "\r\nX-Injected: 1",
        "NaN",
        "-1",
        "9999999999999999999999999999",
        "null",
        new string('A', 70_000),
    ];

    public static IEnumerable<object[]> Cases()
    {
        for (var i = 0; i < HostileStrings.Length; i++)
        {
            var h = JsonSerializer.Serialize(HostileStrings[i]);
            var q = Uri.EscapeDataString(HostileStrings[i].Length > 2000 ? HostileStrings[i][..2000] : HostileStrings[i]);
            yield return Case($"create name #{i}", "POST", "/v2/campaign/create", $$"""{"name":{{h}},"clients":[{"accountID":"+966539078942","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""");
            yield return Case($"create accountID #{i}", "POST", "/v2/campaign/create", $$"""{"name":"n","clients":[{"accountID":{{h}},"params":["a","b"]},{"accountID":"+966539078944","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""");
            yield return Case($"create TempMsgID #{i}", "POST", "/v2/campaign/create", $$"""{"name":"n","clients":[{"accountID":"+966539078942"},{"accountID":"+966539078944"}],"TempMsgID":{{h}}}""");
            yield return Case($"create SendAt #{i}", "POST", "/v2/campaign/create", $$"""{"name":"n","clients":[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"+966539078944","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6","SendAt":{{h}}}""");
            yield return Case($"create JSON and params #{i}", "POST", "/v2/campaign/create", $$"""{"name":"n","message":{{h}},"JSON":{{h}},"clients":[{"accountID":"+966539078942","params":[{{h}}]}]}""");
            yield return Case($"update SendAt #{i}", "PUT", "/v2/campaign/update", $$"""{"ID":TARGET,"name":{{h}},"SendAt":{{h}}}""");
            yield return Case($"update ID #{i}", "PUT", "/v2/campaign/update", $$"""{"ID":{{h}},"name":"x"}""");
            yield return Case($"delete ID #{i}", "DELETE", "/v2/campaign/delete", $$"""{"ID":{{h}}}""");
            yield return Case($"resend key #{i}", "POST", "/v2/campaign/resendMsg", $$"""{"messageKey":{{h}}}""");
            yield return Case($"revoke key ID #{i}", "POST", "/v2/keys/revoke", $$"""{"ID":{{h}}}""");
            yield return Case($"getAll status #{i}", "GET", $"/v2/campaign/getAll?status={q}", null);
            yield return Case($"getAll resultSize #{i}", "GET", $"/v2/campaign/getAll?resultSize={q}", null);
            yield return Case($"getCampMsgs campaignID #{i}", "GET", $"/v2/campaign/getCampMsgs?campaignID={q}", null);
            yield return Case($"getCampMsgs status #{i}", "GET", $"/v2/campaign/getCampMsgs?campaignID=TARGET&status={q}", null);
            yield return Case($"template name #{i}", "POST", "/v2/whatsapp/templates", $$"""{"name":{{h}},"category":"UTILITY","language":{{h}},"creation":[{"type":"BODY","text":{{h}}}]}""");
        }

        const string valid = """{"name":"Truncated","clients":[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"+966539078944","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""";
        for (var cut = 1; cut < valid.Length; cut += 9)
            yield return Case($"truncated at {cut}", "POST", "/v2/campaign/create", valid[..cut]);

        foreach (var depth in new[] { 33, 100, 1_000, 100_000 })
        {
            yield return Case($"nested arrays {depth}", "POST", "/v2/campaign/create", new string('[', depth) + new string(']', depth));
            yield return Case($"nested params {depth}", "POST", "/v2/campaign/create",
                """{"name":"n","clients":[{"accountID":"+966539078942","params":""" + new string('[', depth) + new string(']', depth) + "}]}");
        }

        string[] wrongTypes =
        [
            """{"name":1}""", """{"name":true}""", """{"name":[]}""", """{"name":{}}""",
            """{"name":"n","clients":"x"}""", """{"name":"n","clients":1}""", """{"name":"n","clients":{}}""", """{"name":"n","clients":["x"]}""",
            """{"name":"n","clients":[{"accountID":1}]}""", """{"name":"n","clients":[{"params":"a"}]}""", """{"name":"n","clients":[{"params":[1]}]}""",
            """{"name":"n","clients":[{"params":[null,{}]}]}""", """{"name":"n","TempMsgID":5}""", """{"name":"n","SendAt":20250303}""",
            """{"name":"n","JSON":{"to":"x"}}""", """{"name":"n","message":["x"]}""",
            "", " ", "\t\r\n", "null", "[]", "\"string\"", "123", "true", "{", "}", "{\"name\"}", "{\"name\":}", "{'name':'single'}",
            "{\"name\":\"x\",}", "{\"name\":\"x\" \"clients\":[]}", "\uFEFF{\"name\":1}", "{\"name\":\"\\uD800\"}", "{\"name\":\"\\u00\"}",
            "{\"name\":NaN}", "{\"name\":Infinity}", "/* comment */ {}", "{\"name\":\"x\"} trailing",
        ];
        foreach (var (body, i) in wrongTypes.Select((b, i) => (b, i)))
            yield return Case($"wrong shape #{i}", "POST", "/v2/campaign/create", body);

        foreach (var id in new[] { "1e400", "9223372036854775808", "-1", "0", "1.5", "\"1\"", "[1]", "{}", "null", "true", "2147483648", "-2147483649" })
        {
            yield return Case($"delete ID {id}", "DELETE", "/v2/campaign/delete", $$"""{"ID":{{id}}}""");
            yield return Case($"update ID {id}", "PUT", "/v2/campaign/update", $$"""{"ID":{{id}},"Name":"x"}""");
        }

        yield return Case("invalid UTF-8 in name", "POST", "/v2/campaign/create", null, [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]);
        yield return Case("overlong UTF-8", "POST", "/v2/campaign/create", null, [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D]);
        yield return Case("UTF-16 body", "POST", "/v2/campaign/create", null, Encoding.Unicode.GetBytes("{\"name\":\"x\"}"));
        yield return Case("huge resultSize", "GET", "/v2/campaign/getAll?resultSize=1" + new string('0', 500), null);
        yield return Case("huge offset", "GET", "/v2/campaign/getAll?offset=1" + new string('0', 500), null);
        yield return Case("negative campaignID", "GET", "/v2/campaign/getCampMsgs?campaignID=-5", null);
        yield return Case("unknown campaignID", "GET", "/v2/campaign/getCampMsgs?campaignID=2147483647", null);
    }

    private static object[] Case(string name, string method, string path, string? body, byte[]? raw = null) =>
        [name, method, path, body ?? "", raw ?? Array.Empty<byte>()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileRequestGetsA4xxWithAnErrorAndChangesNothing(string name, string method, string path, string body, byte[] raw)
    {
        var target = await fixture.ScheduledCampaignAsync();
        var before = await SnapshotAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("TARGET", target.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (raw.Length > 0) request.Content = new ByteArrayContent(raw) { Headers = { ContentType = new("application/json") } };
        else if (method != "GET") request.Content = new StringContent(body.Replace("TARGET", target.ToString(System.Globalization.CultureInfo.InvariantCulture)), Encoding.UTF8, "application/json");

        var response = await fixture.Http().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("Error").GetString()), name);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.Equal(before, await SnapshotAsync());
    }

    private const string Clients = """[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"+966539078944","params":["a","b"]}]""";

    /// <summary>Each body is valid but for one NUL: PostgreSQL's text cannot hold it, so every provider refuses it alike.</summary>
    [Theory]
    [InlineData("POST", "/v2/campaign/create", """{"name":"Nul\u0000name","clients":CLIENTS,"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""")]
    [InlineData("POST", "/v2/campaign/create", """{"name":"Nul param","clients":[{"accountID":"+966539078942","params":["a\u0000","b"]},{"accountID":"+966539078944","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""")]
    [InlineData("POST", "/v2/campaign/create", """{"name":"Nul JSON","message":"hi","JSON":"{\"to\":\"<accountID>\"}\u0000","clients":CLIENTS}""")]
    [InlineData("POST", "/v2/campaign/create", """{"name":"Nul escaped thrice","clients":CLIENTS,"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6","x":"\\\u0000"}""")]
    [InlineData("PUT", "/v2/campaign/update", """{"ID":TARGET,"name":"Renamed\u0000"}""")]
    [InlineData("POST", "/v2/whatsapp/templates", """{"name":"nul_template","category":"UTILITY","language":"en_US","creation":[{"type":"BODY","text":"Hello\u0000"}]}""")]
    public async Task ANulCharacterInAnyTextIsRefusedWithA400AndChangesNothing(string method, string path, string body)
    {
        var target = await fixture.ScheduledCampaignAsync();
        var before = await SnapshotAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body.Replace("CLIENTS", Clients).Replace("TARGET", target.ToString(System.Globalization.CultureInfo.InvariantCulture)), Encoding.UTF8, "application/json"),
        };

        var response = await fixture.Http().SendAsync(request);

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.InvalidBodyDetail(ErrorTexts.NulInText)), await ErrorOf(response));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AnEscapedBackslashBeforeU0000IsTextNotANul()
    {
        var response = await fixture.Http().PostAsync("/v2/campaign/create", new StringContent(
            $$"""{"name":"Backslash \\u0000 name","clients":{{Clients}},"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(@"Backslash \u0000 name", created.GetProperty("Name").GetString());
    }

    [Fact]
    public void TheSuiteHasAtLeast200HostileRequests() => Assert.True(Cases().Count() >= 200, $"{Cases().Count()} cases");

    private async Task<string> SnapshotAsync()
    {
        await using var db = await fixture.DbAsync();
        var campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.SendAtText, c.Status, c.UpdatedAt }).ToListAsync();
        return JsonSerializer.Serialize(new
        {
            campaigns,
            Messages = await db.Messages.CountAsync(),
            Templates = await db.Templates.CountAsync(),
            Companies = await db.Companies.CountAsync(),
        });
    }
}
