using System.Net;
using System.Text.Json;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

public sealed class CreateCampaignTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string ExampleJson =
        "{ \\\"to\\\": \\\"<accountID>\\\", \\\"type\\\": \\\"template\\\", \\\"template\\\": { \\\"namespace\\\": \\\"<namespace>\\\", \\\"language\\\": { \\\"policy\\\": \\\"deterministic\\\", \\\"code\\\": \\\"en_US\\\" }, \\\"name\\\": \\\"order_confirmation\\\", \\\"components\\\": [] } }";

    /// <summary>The vendor document's four create examples, exactly as written.</summary>
    public static TheoryData<string> SourceExamples => new()
    {
        """{ "name": "Order Confirmation Campaign", "clients": [ { "accountID": "+966539078942", "params": ["John", "ORD-12345"] } ], "TempMsgID": "c8630dcb-dc36-4968-8ca4-26a78893c1e6", "SendAt": "2025-03-03T14:32:25+03:00" }""",
        $$"""{ "name": "Order Confirmation Campaign", "clients": [ { "accountID": "+966539078942", "params": ["John", "ORD-12345"] } ], "TempMsgID": "c8630dcb-dc36-4968-8ca4-26a78893c1e6", "JSON": "{{ExampleJson}}", "SendAt": "2025-03-03T14:32:25+03:00" }""",
        $$"""{ "name": "Order Confirmation Campaign", "clients": [ { "accountID": "+966539078942", "params": ["John", "ORD-12345"] } ], "TempMsgID": "c8630dcb-dc36-4968-8ca4-26a78893c1e6", "JSON": "{{ExampleJson}}", "message": "Thank you for your order, John! Your order number is ORD-12345.", "SendAt": "2025-03-03T14:32:25+03:00" }""",
        """{ "name": "Welcome Back Campaign", "message": "We are happy to see you back again.", "clients": [ { "accountID": "+966539078942", "params": ["https://example.com/image1.png", ""] } ], "JSON": "{ \"to\": \"<accountID>\", \"type\": \"template\", ... }", "TempMsgID": "c8630dcb-dc36-4968-8ca4-26a78893c1e6", "SendAt": "2025-03-03T14:32:25+03:00" }""",
    };

    [Theory]
    [MemberData(nameof(SourceExamples))]
    public async Task SourceExampleAsWrittenReturnsAtLeastTwoClientsError(string body)
    {
        var response = await factory.Http().PostAsync("/v2/campaign/create", Json(body));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.AtLeastTwoClients), await ErrorOf(response));
    }

    [Theory]
    [MemberData(nameof(SourceExamples))]
    public async Task SourceExampleWithASecondClientIsAccepted(string body)
    {
        var secondClient = """{ "accountID": "+966539078944", "params": ["Jane", "ORD-12346"] } ],""";
        var response = await factory.Http().PostAsync("/v2/campaign/create", Json(body.Replace("] } ],", "] }, " + secondClient)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var campaign = Deserialize<CampaignResponse>(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, campaign.Total);
        Assert.Equal("2025-03-03T14:32:25+03:00", campaign.SendAt);
        Assert.Equal(CampaignStatus.Sending, campaign.Status); // a SendAt in the past starts at once
    }

    [Fact]
    public async Task TemplateOnlyAutoFillsMessageAndJsonFromTheTemplate()
    {
        var campaign = await factory.Campaigns().CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(2))));

        Assert.Equal("Thank you for your order, {{1}}! Your order number is {{2}}.", campaign.Message);
        Assert.Contains("\"name\":\"order_confirmation\"", campaign.Json);
        Assert.Equal("order_confirmation", campaign.TemplateName);
        Assert.Equal("en_US", campaign.Lang);
        Assert.Equal(CampaignStatus.Scheduled, campaign.Status);
        Assert.Equal(["AccountID", "Body {{1}}", "Body {{2}}", "Status", "Error"], campaign.ReportHeaders);
        Assert.Matches("^[0-9a-f]{32}$", campaign.SocketKey);
    }

    [Fact]
    public async Task GivenMessageAndJsonOverrideTheTemplate()
    {
        var request = OrderConfirmation();
        request.Message = "Custom text";
        request.Json = """{"to":"<accountID>","type":"template","template":{"name":"custom","language":{"code":"ar"},"components":[]}}""";

        var campaign = await factory.Campaigns().CreateCampaignAsync(request);

        Assert.Equal("Custom text", campaign.Message);
        Assert.Equal(request.Json, campaign.Json);
    }

    [Fact]
    public async Task RequestKeysAreReadCaseInsensitively()
    {
        var body = """{"NAME":"Mixed case","CLIENTS":[{"ACCOUNTID":"+966539078942","PARAMS":["a","b"]},{"accountid":"+966539078944","params":["c","d"]}],"tempmsgid":"c8630dcb-dc36-4968-8ca4-26a78893c1e6","sendat":"2031-01-01T10:00:00+03:00","Message":"hi"}""";

        var response = await factory.Http().PostAsync("/v2/campaign/create", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var campaign = Deserialize<CampaignResponse>(await response.Content.ReadAsStringAsync());
        Assert.Equal(("Mixed case", "hi", "2031-01-01T10:00:00+03:00", 2), (campaign.Name, campaign.Message, campaign.SendAt, campaign.Total));
    }

    [Fact]
    public async Task ResponseUsesTheGoFieldNamesVerbatim()
    {
        var response = await factory.Http().PostAsync("/v2/campaign/create",
            Json(JsonSerializer.Serialize(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(1))))));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        string[] goFields = ["ID", "Name", "TemplateName", "Lang", "CreatedAt", "UpdatedAt", "SendAt", "Status", "AgentID", "Message", "JSON",
            "SentCount", "DeliveredCount", "FailedCount", "Total", "Clients", "CompanyID", "ReportHeaders", "TempMsgID", "Error", "SocketKey"];
        Assert.All(goFields, field => Assert.Contains(field, names));
        var client = document.RootElement.GetProperty("Clients")[0];
        Assert.Equal(["AccountID", "Params"], client.EnumerateObject().Select(p => p.Name));
        Assert.Equal("", document.RootElement.GetProperty("Error").GetString());
    }

    [Fact]
    public async Task AccountIdsAreStoredNormalisedToE164()
    {
        var campaign = await factory.Campaigns().CreateCampaignAsync(
            OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(1)), numbers: ["+966 53 907 8942", "0539078944"]));

        Assert.Equal(["+966539078942", "+966539078944"], campaign.Clients.Select(c => c.AccountId));
    }

    public static TheoryData<string, string> RuleViolations => new()
    {
        { """{"name":"","clients":[],"JSON":""}""", ErrorTexts.NameRequired },
        { """{"name":"   ","clients":[{"accountID":"+966539078942","params":[]}]}""", ErrorTexts.NameRequired },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":[]}],"TempMsgID":"nope"}""", ErrorTexts.AtLeastTwoClients },
        { """{"name":"x","clients":[{"accountID":"+966539078942"},{"accountID":"+966539078944"}]}""", ErrorTexts.JsonOrTemplateRequired },
        { """{"name":"x","clients":[{"accountID":"bad"},{"accountID":"bad"}],"TempMsgID":"00000000-0000-0000-0000-000000000000"}""", ErrorTexts.TemplateNotFound },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":["a"]},{"accountID":"+966539078944","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""", ErrorTexts.NotEnoughParams },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":["a"]},{"accountID":"+966539078944","params":[]}],"JSON":"{\"a\":\"{{1}}\",\"b\":\"{{2}}\"}"}""", ErrorTexts.NotEnoughParams },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"+966539078944","params":["a"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""", ErrorTexts.ParamsForAllVariables },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"+966539078944","params":["a","b","c"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""", ErrorTexts.ParamsForAllVariables },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"+966539078944","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6","SendAt":"2025-03-03T14:32:25"}""", ErrorTexts.SendAtFormat },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"12","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6","SendAt":"tomorrow"}""", ErrorTexts.SendAtFormat },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"12","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""", ErrorTexts.InvalidAccountId("12") },
        { """{"name":"x","clients":[{"accountID":"+966539078942","params":["a","b"]},{"accountID":"+966 53 907 8942","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}""", ErrorTexts.DuplicateAccountId("+966 53 907 8942") },
    };

    [Theory]
    [MemberData(nameof(RuleViolations))]
    public async Task CreateAnswersTheFirstBrokenRuleWithItsExactText(string body, string error)
    {
        var before = await CountCampaignsAsync();

        var response = await factory.Http().PostAsync("/v2/campaign/create", Json(body));

        Assert.Equal((HttpStatusCode.BadRequest, error), await ErrorOf(response));
        Assert.Equal(before, await CountCampaignsAsync());
    }

    [Fact]
    public async Task AnotherCompanysTemplateIsNotFound()
    {
        var (_, key) = await factory.CreateCompanyAsync("Other Co");

        var (status, error) = await FailureOf(() => factory.Campaigns(key).CreateCampaignAsync(OrderConfirmation()));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.TemplateNotFound), (status, error));
    }

    [Fact]
    public async Task HostileStringsAreStoredAndReturnedVerbatim()
    {
        const string hostile = "<script>alert('x')</script> O\"Brien \u202Eمرحبا\u200B 🎉 '; DROP TABLE Campaigns; --";
        var request = OrderConfirmation(name: hostile, sendAt: FutureSendAt(TimeSpan.FromDays(1)));
        request.Clients[0].Params[0] = hostile;

        var campaign = await factory.Campaigns().CreateCampaignAsync(request);
        var messages = await factory.Campaigns().MessagesAsync(campaign.Id);

        Assert.Equal(hostile, campaign.Name);
        Assert.Equal(hostile, (await factory.Campaigns().CampaignAsync(campaign.Id)).Name);
        Assert.Equal(hostile, messages[0].Params[0]);
    }

    [Fact]
    public async Task NullFieldsReadAsEmptyValues()
    {
        var response = await factory.Http().PostAsync("/v2/campaign/create",
            Json("""{"name":null,"clients":null,"JSON":null,"TempMsgID":null,"SendAt":null,"message":null}"""));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.NameRequired), await ErrorOf(response));
    }

    private async Task<int> CountCampaignsAsync()
    {
        await using var db = await factory.DbAsync();
        return db.Campaigns.Count();
    }
}
