using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Api.Seeding;

/// <summary>The demo company's templates (docs/DECISIONS.md): the source's examples run against the first one as written.</summary>
internal static class DemoTemplates
{
    public const string OrderConfirmationId = "c8630dcb-dc36-4968-8ca4-26a78893c1e6";

    public static IReadOnlyList<(string Id, string Status, CreateTemplateRequest Request)> All { get; } =
    [
        (OrderConfirmationId, TemplateStatus.Approved, new CreateTemplateRequest
        {
            Name = "order_confirmation", Category = "UTILITY", Language = "en_US",
            Creation =
            [
                new TemplateComponent { Type = ComponentType.Header, Format = HeaderFormat.Text, Text = "Order confirmed" },
                new TemplateComponent { Type = ComponentType.Body, Text = "Thank you for your order, {{1}}! Your order number is {{2}}.", Examples = ["John", "ORD-12345"], Labels = ["customer name", "order number"] },
                new TemplateComponent { Type = ComponentType.Footer, Text = "Reply STOP to unsubscribe" },
            ],
        }),
        ("5b0e7f7e-1d1f-4c55-9d7b-6a3f4f1c2a01", TemplateStatus.Approved, new CreateTemplateRequest
        {
            Name = "welcome_back_image", Category = "MARKETING", Language = "en_US",
            Creation =
            [
                new TemplateComponent { Type = ComponentType.Header, Format = HeaderFormat.Image, Examples = ["https://example.com/image1.png"] },
                new TemplateComponent { Type = ComponentType.Body, Text = "We are happy to see you back again, {{1}}. Here is 10% off your next order.", Examples = ["Sara"], Labels = ["customer name"] },
                new TemplateComponent { Type = ComponentType.Footer, Text = "Offer valid for 7 days" },
                new TemplateComponent { Type = ComponentType.Buttons, Buttons = [new TemplateButton { Type = ButtonType.QuickReply, Text = "Shop now" }, new TemplateButton { Type = ButtonType.QuickReply, Text = "Not interested" }] },
            ],
        }),
        ("a1d4e3b2-7c8f-4e1a-9b2d-3f6e5d4c3b02", TemplateStatus.Approved, new CreateTemplateRequest
        {
            Name = "order_shipped_ar", Category = "UTILITY", Language = "ar",
            Creation =
            [
                new TemplateComponent { Type = ComponentType.Header, Format = HeaderFormat.Text, Text = "تم شحن طلبك" },
                new TemplateComponent { Type = ComponentType.Body, Text = "مرحباً {{1}}، تم شحن طلبك رقم {{2}} وسيصلك خلال يومين.", Examples = ["محمد", "ORD-2045"], Labels = ["customer name", "order number"] },
                new TemplateComponent { Type = ComponentType.Footer, Text = "شكراً لتسوقك معنا" },
            ],
        }),
        ("e7c6b5a4-3d2e-4f1a-8b9c-0d1e2f3a4b03", TemplateStatus.Approved, new CreateTemplateRequest
        {
            Name = "appointment_reminder", Category = "UTILITY", Language = "en_US",
            Creation =
            [
                new TemplateComponent { Type = ComponentType.Body, Text = "Hi {{1}}, this is a reminder of your appointment on {{2}}.", Examples = ["Omar", "3 March at 10:00"], Labels = ["customer name", "appointment time"] },
                new TemplateComponent { Type = ComponentType.Buttons, Buttons =
                [
                    new TemplateButton { Type = ButtonType.Url, Text = "Manage booking", Url = "https://example.com/booking/{{1}}", Example = "BK-7781" },
                    new TemplateButton { Type = ButtonType.PhoneNumber, Text = "Call us", PhoneNumber = "+966112345678" },
                ] },
            ],
        }),
        ("f0e1d2c3-b4a5-4968-8776-655443322104", TemplateStatus.Approved, new CreateTemplateRequest
        {
            Name = "holiday_greeting", Category = "MARKETING", Language = "en_US",
            Creation =
            [
                new TemplateComponent { Type = ComponentType.Body, Text = "Happy holidays from all of us! Our stores are open as usual this week." },
                new TemplateComponent { Type = ComponentType.Footer, Text = "Reply STOP to unsubscribe" },
            ],
        }),
        ("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c05", TemplateStatus.Approved, new CreateTemplateRequest
        {
            Name = "discount_code", Category = "MARKETING", Language = "en_US",
            Creation =
            [
                new TemplateComponent { Type = ComponentType.Body, Text = "{{1}}, your personal discount code is ready.", Examples = ["Layla"], Labels = ["customer name"] },
                new TemplateComponent { Type = ComponentType.Buttons, Buttons = [new TemplateButton { Type = ButtonType.CopyCode, Text = "Copy code", Example = "SAVE20" }] },
            ],
        }),
        ("1b2c3d4e-5f60-4718-89ab-cdef01234506", TemplateStatus.Pending, new CreateTemplateRequest
        {
            Name = "loyalty_points", Category = "MARKETING", Language = "en_US",
            Creation = [new TemplateComponent { Type = ComponentType.Body, Text = "You have {{1}} loyalty points.", Examples = ["120"], Labels = ["points"] }],
        }),
    ];
}
