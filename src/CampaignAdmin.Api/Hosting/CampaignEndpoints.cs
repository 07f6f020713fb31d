using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Api.Templates;
using FluentValidation;

namespace CampaignAdmin.Api.Hosting;

/// <summary>What the <c>/v2</c> endpoints need from DI: the request validators, each registered once, here.</summary>
public static class CampaignEndpoints
{
    public static IServiceCollection AddCampaignEndpoints(this IServiceCollection services)
    {
        // The create rules need the template the request names, so CampaignCreator builds that validator per request.
        services.AddSingleton<IValidator<UpdateCampaignRequest>, UpdateCampaignRequestValidator>();
        services.AddSingleton<IValidator<CreateTemplateRequest>, CreateTemplateRequestValidator>();
        // A provider that reviews templates (WhatsApp) registers its own after this one, and wins.
        services.AddSingleton<ITemplateSubmission, ApprovedAtOnce>();
        return services;
    }
}
