using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using FluentValidation;
using FluentValidation.Results;

namespace CampaignAdmin.Contracts.Validation;

/// <summary>
/// How the create rules run: the API stops at the first failure; the dashboard shows every one on its field. Without
/// <paramref name="CheckAccountIds"/> rule 9 is left to the caller (the API checks numbers chunk by chunk as it stores them).
/// </summary>
public sealed record CampaignRuleOptions(bool StopAtFirstFailure = true, string DefaultRegion = AccountIds.DefaultRegion, int MaxClientErrors = 500,
    bool CheckAccountIds = true)
{
    public static CampaignRuleOptions Api { get; } = new();
    public static CampaignRuleOptions Live { get; } = new(StopAtFirstFailure: false);
}

/// <summary>docs/WIRE.md's create rules, in order, with their exact texts. Property names point at the field concerned.</summary>
public sealed class CreateCampaignRequestValidator : AbstractValidator<CreateCampaignRequest>
{
    /// <summary>Root-context key under which the validator leaves the clients' E.164 numbers, in client order.</summary>
    public const string NormalizedAccountIdsKey = "NormalizedAccountIds";

    public const int MaxNameLength = 256;

    public CreateCampaignRequestValidator(ITemplateCatalog templates, CampaignRuleOptions? options = null)
    {
        options ??= CampaignRuleOptions.Api;
        ClassLevelCascadeMode = options.StopAtFirstFailure ? CascadeMode.Stop : CascadeMode.Continue;
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(r => r.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(ErrorTexts.NameRequired)
            .MaximumLength(MaxNameLength).WithMessage(ErrorTexts.NameTooLong);

        RuleFor(r => r.Clients)
            .Must(clients => clients is { Count: >= 2 }).WithMessage(ErrorTexts.AtLeastTwoClients);

        RuleFor(r => r.TempMsgId)
            .Must((r, id) => !string.IsNullOrWhiteSpace(r.Json) || !string.IsNullOrWhiteSpace(id))
            .WithMessage(ErrorTexts.JsonOrTemplateRequired).OverridePropertyName("TempMsgID");

        RuleFor(r => r.TempMsgId)
            .Must(id => string.IsNullOrWhiteSpace(id) || templates.Find(id) is not null)
            .WithMessage(ErrorTexts.TemplateNotFound).OverridePropertyName("TempMsgID");

        // Rule 6 counts the variables once it knows there are not too many to count.
        RuleFor(r => r.Json)
            .Must((r, _, context) => CountVariables(r, templates, context) <= Variables.MaxDistinct)
            .WithMessage(ErrorTexts.TooManyVariables).OverridePropertyName("JSON");

        RuleFor(r => r.Clients)
            .Must((r, clients, context) => clients[0].Params.Count >= CountVariables(r, templates, context))
            .When(r => r.Clients is { Count: > 0 })
            .WithMessage(ErrorTexts.NotEnoughParams).OverridePropertyName("Clients[0].Params");

        RuleFor(r => r.Clients).Custom((clients, context) =>
        {
            var template = Template(context.InstanceToValidate, templates);
            if (template is null || clients is null) return;
            var expected = VariableCount(template);
            var errors = 0;
            for (var i = 0; i < clients.Count && errors < MaxErrors(options); i++)
            {
                if (clients[i].Params.Count == expected) continue;
                context.AddFailure(new ValidationFailure($"Clients[{i}].Params", ErrorTexts.ParamsForAllVariables));
                errors++;
            }
        });

        RuleFor(r => r.SendAt)
            .Must(sendAt => string.IsNullOrEmpty(sendAt) || SendAtFormat.IsValid(sendAt))
            .WithMessage(ErrorTexts.SendAtFormat);

        if (options.CheckAccountIds) RuleFor(r => r.Clients).Custom((clients, context) => CheckAccountIds(clients ?? [], context, options));
    }

    /// <summary>The JSON a campaign will send: its own, or else its template's <c>Compose</c>.</summary>
    public static string EffectiveJson(CreateCampaignRequest request, ITemplateCatalog templates) =>
        !string.IsNullOrWhiteSpace(request.Json) ? request.Json : Template(request, templates)?.Compose ?? "";

    /// <summary>
    /// A template's variables; a template listed without them counts those of its <c>Compose</c>, and one without a
    /// Compose string either (the vendor's Go struct reads as none) those its components make.
    /// </summary>
    public static int VariableCount(TemplateDto template) =>
        template.Variables.Count > 0 ? template.Variables.Count
        : !string.IsNullOrWhiteSpace(template.Compose) ? Variables.CountDistinct(template.Compose)
        : TemplateComposer.CountVariables(template.Creation, Variables.MaxDistinct + 1);

    /// <summary>The distinct variables of the effective JSON, counted no further than one past the cap.</summary>
    private static int CountVariables(CreateCampaignRequest request, ITemplateCatalog templates, IValidationContext context) =>
        Variables.CountDistinct(EffectiveJson(request, templates), Variables.MaxDistinct + 1, ValidationCancellation.Of(context));

    private static TemplateDto? Template(CreateCampaignRequest request, ITemplateCatalog templates) =>
        string.IsNullOrWhiteSpace(request.TempMsgId) ? null : templates.Find(request.TempMsgId);

    private static int MaxErrors(CampaignRuleOptions options) => options.StopAtFirstFailure ? 1 : options.MaxClientErrors;

    private static void CheckAccountIds(List<CampaignClient> clients, ValidationContext<CreateCampaignRequest> context, CampaignRuleOptions options)
    {
        var normalized = new string?[clients.Count];
        // Parsing numbers is the costly part of a 100,000-client campaign: spread it over the cores.
        var cancellationToken = ValidationCancellation.Of(context);
        if (clients.Count >= 2_000)
            Parallel.For(0, clients.Count, new ParallelOptions { CancellationToken = cancellationToken },
                i => normalized[i] = AccountIds.Normalize(clients[i].AccountId, options.DefaultRegion));
        else
            for (var i = 0; i < clients.Count; i++) normalized[i] = AccountIds.Normalize(clients[i].AccountId, options.DefaultRegion);

        var seen = new HashSet<string>(clients.Count, StringComparer.Ordinal);
        var errors = 0;
        for (var i = 0; i < clients.Count; i++)
        {
            var raw = clients[i].AccountId;
            var e164 = normalized[i];
            string? error = e164 is null ? ErrorTexts.InvalidAccountId(raw)
                : !seen.Add(e164) ? ErrorTexts.DuplicateAccountId(raw)
                : null;
            if (error is null || errors >= MaxErrors(options)) continue;
            context.AddFailure(new ValidationFailure($"Clients[{i}].AccountID", error));
            errors++;
        }
        context.RootContextData[NormalizedAccountIdsKey] = normalized;
    }
}
