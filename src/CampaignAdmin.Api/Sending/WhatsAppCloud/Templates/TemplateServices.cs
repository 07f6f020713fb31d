using CampaignAdmin.Api.Templates;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>The template half of the WhatsApp Cloud provider: sync (at start and on demand) and submission to Meta.</summary>
public static class TemplateServices
{
    public static IServiceCollection AddWhatsAppCloudTemplates(this IServiceCollection services)
    {
        services.AddSingleton<TemplateSync>();
        services.AddHostedService<TemplateSyncAtStart>();
        services.AddSingleton<ITemplateSubmission, MetaTemplateSubmission>();
        return services;
    }
}
