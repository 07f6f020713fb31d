using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using static CampaignAdmin.Contracts.Tests.Support.Sample;

namespace CampaignAdmin.Contracts.Tests.Validation;

/// <summary>The vendor document's four create examples, byte for byte, read with the wire options.</summary>
public class VendorExamplesTests
{
    private const string OnlyTempMsgId = """
        {
          "name": "Order Confirmation Campaign",
          "clients": [
            {
              "accountID": "+966539078942",
              "params": ["John", "ORD-12345"]
            }
          ],
          "TempMsgID": "c8630dcb-dc36-4968-8ca4-26a78893c1e6",
          "SendAt": "2025-03-03T14:32:25+03:00"
        }
        """;

    private const string TempMsgIdAndJson = """
        {
          "name": "Order Confirmation Campaign",
          "clients": [
            {
              "accountID": "+966539078942",
              "params": ["John", "ORD-12345"]
            }
          ],
          "TempMsgID": "c8630dcb-dc36-4968-8ca4-26a78893c1e6",
          "JSON": "{ \"to\": \"<accountID>\", \"type\": \"template\", \"template\": { \"namespace\": \"<namespace>\", \"language\": { \"policy\": \"deterministic\", \"code\": \"en_US\" }, \"name\": \"order_confirmation\", \"components\": [] } }",
          "SendAt": "2025-03-03T14:32:25+03:00"
        }
        """;

    private const string TempMsgIdJsonAndMessage = """
        {
          "name": "Order Confirmation Campaign",
          "clients": [
            {
              "accountID": "+966539078942",
              "params": ["John", "ORD-12345"]
            }
          ],
          "TempMsgID": "c8630dcb-dc36-4968-8ca4-26a78893c1e6",
          "JSON": "{ \"to\": \"<accountID>\", \"type\": \"template\", \"template\": { \"namespace\": \"<namespace>\", \"language\": { \"policy\": \"deterministic\", \"code\": \"en_US\" }, \"name\": \"order_confirmation\", \"components\": [] } }",
          "message": "Thank you for your order, John! Your order number is ORD-12345.",
          "SendAt": "2025-03-03T14:32:25+03:00"
        }
        """;

    private const string AllFields = """
        {
          "name": "Welcome Back Campaign",
          "message": "We are happy to see you back again.",
          "clients": [
            {
              "accountID": "+966539078942",
              "params": ["https://example.com/image1.png", ""]
            }
          ],
          "JSON": "{ \"to\": \"<accountID>\", \"type\": \"template\", ... }",
          "TempMsgID": "c8630dcb-dc36-4968-8ca4-26a78893c1e6",
          "SendAt": "2025-03-03T14:32:25+03:00"
        }
        """;

    public static TheoryData<string> Examples => new() { OnlyTempMsgId, TempMsgIdAndJson, TempMsgIdJsonAndMessage, AllFields };

    private static CreateCampaignRequest Read(string json) =>
        JsonSerializer.Deserialize<CreateCampaignRequest>(json, CampaignJson.Options)!.Normalize();

    /// <summary>The example with a second recipient appended, copying the first's params shape.</summary>
    private static CreateCampaignRequest WithSecondClient(string json)
    {
        var node = JsonNode.Parse(json)!;
        var clients = node["clients"]!.AsArray();
        var second = clients[0]!.DeepClone();
        second["accountID"] = SecondNumber;
        clients.Add(second);
        return Read(node.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleAsWrittenReturnsAtLeastTwoClientsError(string example)
    {
        var result = new CreateCampaignRequestValidator(Catalog()).Validate(Read(example));

        var failure = Assert.Single(result.Errors);
        Assert.Equal("invalid request: at least 2 clients required", failure.ErrorMessage);
        Assert.Equal("Clients", failure.PropertyName);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleWithASecondClientIsValid(string example)
    {
        var result = new CreateCampaignRequestValidator(Catalog()).Validate(WithSecondClient(example));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    [Fact]
    public void ExampleFourKeepsItsNotQuiteJsonVerbatim()
    {
        var request = Read(AllFields);

        Assert.Equal("""{ "to": "<accountID>", "type": "template", ... }""", request.Json);
        Assert.Equal("We are happy to see you back again.", request.Message);
        Assert.Equal(["https://example.com/image1.png", ""], request.Clients[0].Params);
    }

    [Fact]
    public void ExampleOneReadsEveryField()
    {
        var request = Read(OnlyTempMsgId);

        Assert.Equal("Order Confirmation Campaign", request.Name);
        Assert.Equal("+966539078942", Assert.Single(request.Clients).AccountId);
        Assert.Equal(["John", "ORD-12345"], request.Clients[0].Params);
        Assert.Equal(OrderConfirmationId, request.TempMsgId);
        Assert.Equal("2025-03-03T14:32:25+03:00", request.SendAt);
        Assert.Equal("", request.Json);
        Assert.Equal("", request.Message);
    }

    [Fact]
    public void ExampleOneFallsBackToTheTemplatesComposeWhichHasTwoVariables()
    {
        var request = WithSecondClient(OnlyTempMsgId);
        var json = CreateCampaignRequestValidator.EffectiveJson(request, Catalog());
        Assert.Equal(OrderConfirmation().Compose, json);
        Assert.Equal(2, Variables.CountDistinct(json));
    }

    [Fact]
    public void ExampleThreeReadsItsLowerCaseMessage()
    {
        Assert.Equal("Thank you for your order, John! Your order number is ORD-12345.", Read(TempMsgIdJsonAndMessage).Message);
    }

    [Fact]
    public void ExampleTwoWithTooFewParamsOnTheSecondClientReturnsTemplateVariablesError()
    {
        var request = WithSecondClient(TempMsgIdAndJson);
        request.Clients[1].Params.RemoveAt(1);

        var failure = Assert.Single(new CreateCampaignRequestValidator(Catalog()).Validate(request).Errors);

        Assert.Equal("invalid request: each client must have params for all template variables", failure.ErrorMessage);
    }

    [Fact]
    public void ExampleOneWithoutTheTemplateInTheCatalogReturnsTemplateNotFound()
    {
        var result = new CreateCampaignRequestValidator(TemplateCatalog.Empty).Validate(WithSecondClient(OnlyTempMsgId));
        Assert.Equal("invalid request: template not found", Assert.Single(result.Errors).ErrorMessage);
    }
}
