namespace CampaignAdmin.Api.Hosting;

public static class VendorBody
{
    /// <summary>
    /// The endpoint reads a <typeparamref name="T"/> body through <see cref="VendorBodyFilter{T}"/>; the handler takes it as
    /// <see cref="Body{T}"/>. <paramref name="normalize"/> turns JSON nulls into Go's zero values before validation;
    /// <paramref name="validate"/> is false where the handler runs the validator itself, after checks the vendor makes first.
    /// </summary>
    public static RouteHandlerBuilder WithVendorBody<T>(this RouteHandlerBuilder endpoint, Action<T>? normalize = null, bool validate = true)
        where T : class =>
        endpoint.AddEndpointFilter(new VendorBodyFilter<T>(normalize, validate, null));

    /// <summary>
    /// The endpoint reads its body with <paramref name="parse"/> (which throws <see cref="System.Text.Json.JsonException"/>
    /// as the serializer does, and may keep referring to the bytes: they stay until the response has been sent).
    /// </summary>
    internal static RouteHandlerBuilder WithVendorBody<T>(this RouteHandlerBuilder endpoint, Func<ReadOnlyMemory<byte>, T?> parse)
        where T : class =>
        endpoint.AddEndpointFilter(new VendorBodyFilter<T>(null, validate: false, parse));
}

/// <summary>
/// The request body, as a handler parameter. Binding runs before endpoint filters, so the body is read when the handler
/// uses it, after <see cref="VendorBodyFilter{T}"/> has read and checked it (as <c>Tenant</c> does for the API key).
/// </summary>
public sealed class Body<T>(HttpContext context) where T : class
{
    public T Value => context.Items[typeof(Body<T>)] as T
        ?? throw new InvalidOperationException($"The route has no WithVendorBody<{typeof(T).Name}>().");

    public static ValueTask<Body<T>?> BindAsync(HttpContext context) => ValueTask.FromResult<Body<T>?>(new Body<T>(context));
}
