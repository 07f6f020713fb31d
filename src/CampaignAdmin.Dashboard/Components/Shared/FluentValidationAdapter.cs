using FluentValidation;
using FluentValidation.Results;

namespace CampaignAdmin.Dashboard.Components.Shared;

/// <summary>
/// The one bridge from a shared FluentValidation validator to MudBlazor. <see cref="Validation"/> is MudForm's per-field
/// <c>Validation</c> func (model, property) → errors of that property only; <see cref="Validate"/> +
/// <see cref="ErrorFor"/> serve fields MudForm does not own (grid cells), from one run over the whole model.
/// The validators stay free of UI types; property names are matched case-insensitively (<c>TempMsgID</c>).
/// </summary>
public sealed class FluentValidationAdapter<T>(IValidator<T> validator)
{
    private Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public ValidationResult Result { get; private set; } = new();

    public bool IsValid => Result.IsValid;

    /// <summary>The first failure in rule order: why a submit button is disabled.</summary>
    public string? FirstError => Result.Errors.FirstOrDefault()?.ErrorMessage;

    public Func<object, string, Task<IEnumerable<string>>> Validation => async (model, property) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(property)));
        return result.Errors.Where(e => string.Equals(e.PropertyName, property, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.ErrorMessage).ToList();
    };

    public ValidationResult Validate(T model)
    {
        Result = validator.Validate(model);
        _errors = Result.Errors.GroupBy(e => e.PropertyName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToList(), StringComparer.OrdinalIgnoreCase);
        return Result;
    }

    public IReadOnlyList<string> ErrorsFor(string property) => _errors.TryGetValue(property, out var errors) ? errors : [];

    public string? ErrorFor(string property) => _errors.TryGetValue(property, out var errors) ? errors[0] : null;

    public bool HasError(string property) => _errors.ContainsKey(property);
}
