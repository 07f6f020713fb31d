namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

/// <summary>The webhook half of the WhatsApp Cloud provider: the signature, the durable inbox and its processor.</summary>
public static class WebhookServices
{
    public static IServiceCollection AddWhatsAppCloudWebhooks(this IServiceCollection services, WhatsAppCloudOptions options)
    {
        services.AddSingleton(WebhookSignature.For(options));
        services.AddSingleton(new VerifyToken(options.VerifyToken));
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<Templates.TemplateStatusUpdates>();
        services.AddSingleton<WebhookProcessor>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookProcessor>());
        return services;
    }
}
