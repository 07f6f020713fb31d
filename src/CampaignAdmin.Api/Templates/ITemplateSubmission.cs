using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Api.Templates;

/// <summary>
/// Where a new template goes before it is stored: the sandbox approves it at once (<see cref="ApprovedAtOnce"/>); a
/// real provider submits it for review (WhatsApp: <c>Sending/WhatsAppCloud/Templates/MetaTemplateSubmission.cs</c>).
/// </summary>
public interface ITemplateSubmission
{
    Task<TemplateSubmitted> SubmitAsync(CreateTemplateRequest request, CancellationToken cancellationToken);
}

/// <summary>The status to store, or why not: <see cref="Refusal"/> is the caller's 400, <see cref="Failure"/> a 502.</summary>
public sealed record TemplateSubmitted(string Status, string Refusal = "", string Failure = "")
{
    public static TemplateSubmitted As(string status) => new(status);

    public static TemplateSubmitted Refused(string error) => new("", Refusal: error);

    public static TemplateSubmitted Failed(string error) => new("", Failure: error);
}

public sealed class ApprovedAtOnce : ITemplateSubmission
{
    public Task<TemplateSubmitted> SubmitAsync(CreateTemplateRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(TemplateSubmitted.As(TemplateStatus.Approved));
}
