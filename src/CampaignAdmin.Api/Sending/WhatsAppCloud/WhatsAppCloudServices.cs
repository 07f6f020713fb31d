using CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>
/// <c>Messaging:Provider</c> = <c>WhatsAppCloud</c>: real WhatsApp messages through Meta's Cloud API, its signed webhooks
/// at <c>/webhooks/whatsapp</c>, and the business account's templates.
/// </summary>
public static class WhatsAppCloudServices
{
    public static IServiceCollection AddWhatsAppCloudProvider(this IServiceCollection services, IConfiguration configuration)
    {
        var options = WhatsAppCloudOptions.Read(configuration);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddWhatsAppCloudSending(options, configuration);

        // Webhooks and templates (Webhooks/, Templates/): receipts and template statuses in, templates synced and submitted.
        services.AddWhatsAppCloudWebhooks(options);
        services.AddWhatsAppCloudTemplates();
        return services;
    }
}
