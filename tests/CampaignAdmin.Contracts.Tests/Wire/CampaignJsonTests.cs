using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Contracts.Tests.Wire;

public class CampaignJsonTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, CampaignJson.Options)!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, CampaignJson.Options);

    private static IEnumerable<string> PropertyNames(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public void CreateRequestIsReadWhateverTheKeysCase()
    {
        var request = Read<CreateCampaignRequest>("""
            {"name":"n","message":"m","clients":[{"accountID":"+966539078942","params":["a"]}],
             "json":"{}","tempmsgid":"t","sendat":"2025-03-03T14:32:25+03:00"}
            """);

        Assert.Equal("n", request.Name);
        Assert.Equal("m", request.Message);
        Assert.Equal("+966539078942", request.Clients[0].AccountId);
        Assert.Equal(["a"], request.Clients[0].Params);
        Assert.Equal("{}", request.Json);
        Assert.Equal("t", request.TempMsgId);
        Assert.Equal("2025-03-03T14:32:25+03:00", request.SendAt);
    }

    [Fact]
    public void CreateRequestIsReadWithGoFieldNames()
    {
        var request = Read<CreateCampaignRequest>("""
            {"Name":"n","Message":"m","Clients":[{"AccountID":"+1","Params":[]}],"JSON":"{}","TempMsgID":"t","SendAt":"s"}
            """);

        Assert.Equal(("n", "m", "+1", "{}", "t", "s"),
            (request.Name, request.Message, request.Clients[0].AccountId, request.Json, request.TempMsgId, request.SendAt));
    }

    [Fact]
    public void DeleteRequestReadsTheVendorsLowerCaseId() =>
        Assert.Equal(385, Read<DeleteCampaignRequest>("""{ "id": 385 }""").Id);

    [Fact]
    public void UpdateRequestReadsTheVendorsExample()
    {
        var request = Read<UpdateCampaignRequest>("""{ "id": 387, "name": "test22", "SendAt": "2025-03-04T11:31:25.000Z" }""");
        Assert.Equal((387, "test22", "2025-03-04T11:31:25.000Z"), (request.Id, request.Name, request.SendAt));
    }

    [Fact]
    public void ResendRequestReadsTheVendorsLowerCaseMessageKey() =>
        Assert.Equal("C030200170205C476A3B882B2702FF", Read<ResendCampaignMessageRequest>("""{ "messageKey": "C030200170205C476A3B882B2702FF" }""").MessageKey);

    [Fact]
    public void QuotedNumberIsRejectedLikeGoDoes() =>
        Assert.Throws<JsonException>(() => Read<DeleteCampaignRequest>("""{ "ID": "385" }"""));

    [Fact]
    public void TrailingCommasAndCommentsAreRejected()
    {
        Assert.Throws<JsonException>(() => Read<DeleteCampaignRequest>("""{ "ID": 1, }"""));
        Assert.Throws<JsonException>(() => Read<DeleteCampaignRequest>("""{ /* c */ "ID": 1 }"""));
    }

    [Fact]
    public void UnknownFieldsAreIgnored() =>
        Assert.Equal(5, Read<DeleteCampaignRequest>("""{ "ID": 5, "Status": "sending" }""").Id);

    [Fact]
    public void CampaignResponseIsWrittenWithGoFieldNamesAndZeroValues()
    {
        var json = Write(new CampaignResponse());

        Assert.Equal(
            ["ID", "Name", "TemplateName", "Lang", "CreatedAt", "UpdatedAt", "SendAt", "Status", "AgentID", "Message", "JSON",
             "SentCount", "DeliveredCount", "ReadCount", "FailedCount", "Total", "Clients", "CompanyID", "ReportHeaders",
             "TempMsgID", "Error", "SocketKey"],
            PropertyNames(json));
        Assert.Contains("\"Name\":\"\"", json);
        Assert.Contains("\"Clients\":[]", json);
        Assert.Contains("\"ReportHeaders\":[]", json);
        Assert.Contains("\"ID\":0", json);
    }

    [Fact]
    public void CampaignClientsAreWrittenAsAccountIdAndParams()
    {
        var json = Write(new CampaignResponse { Clients = [new CampaignClient { AccountId = "+966539078942", Params = ["John", "ORD-12345"] }] });
        Assert.Contains("""
            "Clients":[{"AccountID":"+966539078942","Params":["John","ORD-12345"]}]
            """.Trim(), json);
    }

    [Fact]
    public void PlusSignsArabicAndAngleBracketsStayReadableButQuotesAreEscaped()
    {
        var json = Write(new CampaignResponse { Name = "حملة \"رمضان\"", Json = "{\"to\":\"<accountID>\"}", Clients = [new CampaignClient { AccountId = "+966539078942" }] });

        Assert.Contains("حملة \\\"رمضان\\\"", json);
        Assert.Contains("<accountID>", json);
        Assert.Contains("\"+966539078942\"", json);
        Assert.Equal("حملة \"رمضان\"", Read<CampaignResponse>(json).Name);
    }

    [Fact]
    public void CreateRequestIsWrittenWithGoFieldNames() =>
        Assert.Equal(["Name", "Message", "Clients", "JSON", "TempMsgID", "SendAt"], PropertyNames(Write(new CreateCampaignRequest())));

    [Fact]
    public void OtherRequestsAreWrittenWithGoFieldNames()
    {
        Assert.Equal("""{"ID":3}""", Write(new DeleteCampaignRequest { Id = 3 }));
        Assert.Equal("""{"ID":3,"Name":"n","SendAt":""}""", Write(new UpdateCampaignRequest { Id = 3, Name = "n" }));
        Assert.Equal("""{"MessageKey":"K"}""", Write(new ResendCampaignMessageRequest { MessageKey = "K" }));
        Assert.Equal("""{"Error":"campaign not found"}""", Write(new ErrorResponse("campaign not found")));
    }

    [Fact]
    public void CampaignMessageIsWrittenWithGoFieldNamesAndNullTimesUntilReached()
    {
        var json = Write(new CampaignMessage { MessageKey = "C030200170205C476A3B882B2702FF", CampaignId = 7, SentAt = "2025-03-03T11:32:25Z" });

        Assert.Equal(
            ["MessageKey", "CampaignID", "AccountID", "Params", "Status", "Error", "ErrorCode", "Attempts", "ProviderMessageID",
             "CreatedAt", "SentAt", "DeliveredAt", "ReadAt", "UpdatedAt"],
            PropertyNames(json));
        Assert.Contains("\"SentAt\":\"2025-03-03T11:32:25Z\"", json);
        Assert.Contains("\"DeliveredAt\":null", json);
        Assert.Contains("\"ErrorCode\":0", json);
        Assert.Contains("\"Error\":\"\"", json);
    }

    [Fact]
    public void TemplateIsWrittenWithItsFieldNamesAndWithoutComputedOnes()
    {
        var names = PropertyNames(Write(new TemplateDto()));
        Assert.Equal(["ID", "Name", "Category", "Language", "Status", "Creation", "Compose", "Variables", "CreatedAt"], names);
    }

    [Fact]
    public void NormalizeTurnsNullsIntoEmpties()
    {
        var request = Read<CreateCampaignRequest>("""
            {"Name":null,"Message":null,"Clients":[{"AccountID":null,"Params":[null,"x"]},null,{"AccountID":"+1","Params":null}],
             "JSON":null,"TempMsgID":null,"SendAt":null}
            """).Normalize();

        Assert.Equal(("", "", "", "", ""), (request.Name, request.Message, request.Json, request.TempMsgId, request.SendAt));
        Assert.Equal(3, request.Clients.Count);
        Assert.Equal("", request.Clients[0].AccountId);
        Assert.Equal(["", "x"], request.Clients[0].Params);
        Assert.Equal("", request.Clients[1].AccountId);
        Assert.Empty(request.Clients[1].Params);
        Assert.Empty(request.Clients[2].Params);
    }

    [Fact]
    public void NormalizeTurnsNullClientsIntoAnEmptyList() =>
        Assert.Empty(Read<CreateCampaignRequest>("""{"Clients":null}""").Normalize().Clients);

    [Fact]
    public void NormalizeReturnsTheSameRequest()
    {
        var request = new CreateCampaignRequest { Name = "kept" };
        Assert.Same(request, request.Normalize());
        Assert.Equal("kept", request.Name);
    }

    [Fact]
    public void CreateTemplateRequestNormalizeDropsNullComponentsAndButtons()
    {
        var request = Read<CreateTemplateRequest>("""
            {"name":null,"creation":[null,{"type":"BODY","text":null,"examples":[null],"buttons":[null,{"type":"URL","url":null}]}]}
            """).Normalize();

        Assert.Equal("", request.Name);
        var component = Assert.Single(request.Creation);
        Assert.Equal("", component.Text);
        Assert.Equal([""], component.Examples);
        var button = Assert.Single(component.Buttons);
        Assert.Equal(("URL", "", ""), (button.Type, button.Url, button.Text));
    }

    [Fact]
    public void OptionsAreSharedAndCannotBeChanged()
    {
        Assert.Same(CampaignJson.Options, CampaignJson.Options);
        Assert.True(CampaignJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => CampaignJson.Options.PropertyNameCaseInsensitive = false);
    }
}
