using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Dashboard.Tests.Support;

public sealed class FakeTemplatesApi : ITemplatesApi
{
    public List<TemplateDto> Templates { get; } = [.. TestTemplates.All];

    public Task<WireList<TemplateDto>> GetTemplatesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new WireList<TemplateDto>(Templates));

    public Task<TemplateDto> CreateTemplateAsync(CreateTemplateRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}

/// <summary>Templates as the API lists them: <c>Compose</c> and <c>Variables</c> derived from the components.</summary>
public static class TestTemplates
{
    public const string OrderConfirmationId = "c8630dcb-dc36-4968-8ca4-26a78893c1e6";
    public const string WelcomeImageId = "5b0e7f7e-1d1f-4c55-9d7b-6a3f4f1c2a01";
    public const string ArabicId = "a1d4e3b2-7c8f-4e1a-9b2d-3f6e5d4c3b02";
    public const string PendingId = "1b2c3d4e-5f60-4718-89ab-cdef01234506";

    public static TemplateDto OrderConfirmation { get; } = Make(OrderConfirmationId, "order_confirmation", "UTILITY", "en_US", TemplateStatus.Approved,
    [
        new() { Type = ComponentType.Header, Format = HeaderFormat.Text, Text = "Order confirmed" },
        new() { Type = ComponentType.Body, Text = "Thank you for your order, {{1}}! Your order number is {{2}}.", Examples = ["John", "ORD-12345"], Labels = ["customer name", "order number"] },
    ]);

    public static TemplateDto WelcomeImage { get; } = Make(WelcomeImageId, "welcome_back_image", "MARKETING", "en_US", TemplateStatus.Approved,
    [
        new() { Type = ComponentType.Header, Format = HeaderFormat.Image, Examples = ["https://example.com/image1.png"] },
        new() { Type = ComponentType.Body, Text = "We are happy to see you back again, {{1}}.", Examples = ["Sara"] },
    ]);

    public static TemplateDto Arabic { get; } = Make(ArabicId, "order_shipped_ar", "UTILITY", "ar", TemplateStatus.Approved,
    [
        new() { Type = ComponentType.Body, Text = "مرحباً {{1}}، تم شحن طلبك رقم {{2}}.", Examples = ["محمد", "ORD-2045"] },
    ]);

    public static TemplateDto Pending { get; } = Make(PendingId, "loyalty_points", "MARKETING", "en_US", TemplateStatus.Pending,
    [
        new() { Type = ComponentType.Body, Text = "You have {{1}} loyalty points.", Examples = ["120"] },
    ]);

    public static IReadOnlyList<TemplateDto> All { get; } = [OrderConfirmation, WelcomeImage, Arabic, Pending];

    /// <summary>The approval flow's template (not in <see cref="All"/>): its id is its name, one body value.</summary>
    public static TemplateDto EidOffer { get; } = Make("eid_offer", "eid_offer", "MARKETING", "ar", TemplateStatus.Approved,
    [
        new() { Type = ComponentType.Body, Text = "Eid Mubarak {{1}}", Examples = ["Sara"], Labels = ["name"] },
    ]);

    private static TemplateDto Make(string id, string name, string category, string language, string status, List<TemplateComponent> creation)
    {
        var (compose, variables) = TemplateComposer.Compose(name, language, creation);
        return new TemplateDto
        {
            Id = id, Name = name, Category = category, Language = language, Status = status,
            Creation = creation, Compose = compose, Variables = variables,
        };
    }
}
