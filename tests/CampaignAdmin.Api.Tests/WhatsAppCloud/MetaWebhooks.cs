using System.Text.Json;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>Webhook bodies in the shapes of Meta's reference (messages statuses, message_template_status_update).</summary>
public static class MetaWebhooks
{
    public const long Timestamp = 1_764_670_000;

    /// <summary>A status of one message, as Meta sends it in <c>value.statuses[]</c>.</summary>
    public static object Status(string wamid, string status, string key = "", long timestamp = Timestamp, object? errors = null) => new Dictionary<string, object?>
    {
        ["id"] = wamid,
        ["status"] = status,
        ["timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["recipient_id"] = "966539071002",
        ["biz_opaque_callback_data"] = key.Length > 0 ? key : null,
        ["errors"] = errors,
        ["pricing"] = new { billable = true, pricing_model = "PMP", category = "utility" },
    };

    public static object Errors(int code, string title, string message, string details) =>
        new[] { new { code, title, message, error_data = new { details }, href = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/" } };

    /// <summary>One delivery of statuses (one entry, one change).</summary>
    public static string Statuses(params object[] statuses) => Delivery("messages", new Dictionary<string, object?>
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = new { display_phone_number = "15550783881", phone_number_id = "106540352242922" },
        ["statuses"] = statuses,
    });

    public static string TemplateStatus(string name, string language, string @event, string reason = "NONE") => Delivery("message_template_status_update", new Dictionary<string, object?>
    {
        ["event"] = @event,
        ["message_template_id"] = 1689556908129832,
        ["message_template_name"] = name,
        ["message_template_language"] = language,
        ["reason"] = reason,
        ["message_template_category"] = "MARKETING",
    });

    private static string Delivery(string field, object value) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[] { new { id = WhatsAppWebhookFactory.BusinessAccountId, changes = new[] { new { value, field } } } },
    });
}
