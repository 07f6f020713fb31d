namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>The exact error texts of template sync and submission (the vendor's <c>{"Error":"…"}</c> bodies).</summary>
public static class TemplateSyncTexts
{
    /// <summary>400: Meta refused the template; its own message follows.</summary>
    public static string Refused(string meta) => $"invalid request: WhatsApp refused the template: {meta}";

    /// <summary>502: Meta could not be asked, or failed.</summary>
    public static string ProviderFailed(string meta) => $"the messaging provider failed: {meta}";
}
