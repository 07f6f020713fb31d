using System.Text.RegularExpressions;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using FluentValidation;

namespace CampaignAdmin.Contracts.Validation;

/// <summary>The shape of an update; whether the campaign may change is the API's to say.</summary>
public sealed class UpdateCampaignRequestValidator : AbstractValidator<UpdateCampaignRequest>
{
    public UpdateCampaignRequestValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Id).GreaterThan(0).WithMessage(ErrorTexts.IdRequired).OverridePropertyName("ID");
        RuleFor(r => r.Name).MaximumLength(CreateCampaignRequestValidator.MaxNameLength).WithMessage(ErrorTexts.NameTooLong);
        RuleFor(r => r.SendAt)
            .Must(sendAt => string.IsNullOrEmpty(sendAt) || SendAtFormat.IsValid(sendAt))
            .WithMessage(ErrorTexts.SendAtFormat);
    }
}

public sealed partial class CreateTemplateRequestValidator : AbstractValidator<CreateTemplateRequest>
{
    public const string NameRule = "invalid request: template name must be 1 to 512 lower-case letters, digits or underscores";
    public const string CategoryRule = "invalid request: category must be MARKETING, UTILITY or AUTHENTICATION";
    public const string LanguageRule = "invalid request: language must be a language code such as en_US or ar";
    public const string BodyRule = "invalid request: a template needs exactly one BODY component with text";
    public const string ComponentRule = "invalid request: components must be HEADER, BODY, FOOTER or BUTTONS";
    public const string VariablesRule = "invalid request: a template may have at most 1000 variables";
    public const string HintsRule = "invalid request: a component may have at most 1000 labels and 1000 examples, each of at most 1024 characters";
    public const int MaxHints = 1000;
    public const int MaxHintLength = 1024;

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z]{2,3}([_-][A-Za-z]{2,4})?$")]
    private static partial Regex LanguagePattern();

    public CreateTemplateRequestValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Name).Must(n => n is not null && NamePattern().IsMatch(n)).WithMessage(NameRule);
        RuleFor(r => r.Category).Must(c => TemplateCategory.All.Contains(c?.ToUpperInvariant())).WithMessage(CategoryRule);
        RuleFor(r => r.Language).Must(l => l is not null && LanguagePattern().IsMatch(l)).WithMessage(LanguageRule);
        RuleFor(r => r.Creation)
            .Must(c => c is not null && c.All(x => x is not null && new[] { ComponentType.Header, ComponentType.Body, ComponentType.Footer, ComponentType.Buttons }
                .Contains(x.Type?.ToUpperInvariant())))
            .WithMessage(ComponentRule)
            .Must(c => c.Count(x => x.Is(ComponentType.Body) && !string.IsNullOrWhiteSpace(x.Text)) == 1)
            .WithMessage(BodyRule);
        RuleFor(r => r.Creation)
            .Must((_, c, context) => TemplateComposer.CountVariables(c, Variables.MaxDistinct + 1, ValidationCancellation.Of(context)) <= Variables.MaxDistinct)
            .WithMessage(VariablesRule);
        // A variable's meaning and example are shown in the builder's headings and files: bounded like everything else.
        RuleFor(r => r.Creation)
            .Must(c => c.All(x => Bounded(x.Labels) && Bounded(x.Examples)))
            .WithMessage(HintsRule);
    }

    private static bool Bounded(List<string>? hints) =>
        hints is null || (hints.Count <= MaxHints && hints.All(h => h is null || h.Length <= MaxHintLength));
}
