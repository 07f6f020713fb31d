using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Contracts.Tests.Support;

/// <summary>The demo seed and requests built from it (docs/DECISIONS.md).</summary>
internal static class Sample
{
    public const string OrderConfirmationId = "c8630dcb-dc36-4968-8ca4-26a78893c1e6";
    public const string OrderConfirmationBody = "Thank you for your order, {{1}}! Your order number is {{2}}.";
    public const string FirstNumber = "+966539078942";
    public const string SecondNumber = "+966501234567";
    public const string SendAt = "2025-03-03T14:32:25+03:00";

    /// <summary>The vendor's JSON from examples 2 and 3: no variables at all.</summary>
    public const string VendorJson =
        """{ "to": "<accountID>", "type": "template", "template": { "namespace": "<namespace>", "language": { "policy": "deterministic", "code": "en_US" }, "name": "order_confirmation", "components": [] } }""";

    public static TemplateDto OrderConfirmation() =>
        Template(OrderConfirmationId, "order_confirmation", "en_US",
            new TemplateComponent { Type = ComponentType.Body, Text = OrderConfirmationBody, Examples = ["John", "ORD-12345"] });

    public static TemplateDto Template(string id, string name, string language, params TemplateComponent[] creation)
    {
        var (compose, variables) = TemplateComposer.Compose(name, language, creation);
        return new TemplateDto
        {
            Id = id, Name = name, Language = language, Category = "UTILITY", Status = TemplateStatus.Approved,
            Creation = [.. creation], Compose = compose, Variables = variables,
        };
    }

    public static TemplateCatalog Catalog(params TemplateDto[] extra) => new([OrderConfirmation(), .. extra]);

    public static CampaignClient Recipient(string accountId, params string[] parameters) =>
        new() { AccountId = accountId, Params = [.. parameters] };

    /// <summary>A valid request that names the order-confirmation template and nothing else.</summary>
    public static CreateCampaignRequest TemplateRequest() => new()
    {
        Name = "Order Confirmation Campaign",
        TempMsgId = OrderConfirmationId,
        Clients = [Recipient(FirstNumber, "John", "ORD-12345"), Recipient(SecondNumber, "Jane", "ORD-12346")],
        SendAt = SendAt,
    };

    /// <summary>A valid request with its own JSON and no template.</summary>
    public static CreateCampaignRequest JsonRequest(string json, params CampaignClient[] clients) => new()
    {
        Name = "Raw JSON Campaign",
        Json = json,
        Clients = clients.Length > 0 ? [.. clients] : [Recipient(FirstNumber), Recipient(SecondNumber)],
    };
}
