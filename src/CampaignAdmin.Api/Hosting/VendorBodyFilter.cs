using System.Text.Json;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using FluentValidation;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignAdmin.Api.Hosting;

/// <summary>
/// Reads the request body as the vendor's Go service would: keys in any case, whatever the Content-Type (clients may send
/// none), at most <see cref="ApiLimits"/>'s <c>Api:MaxRequestBodyMB</c>. Then it normalizes the request, runs its <see cref="IValidator{T}"/> if one
/// is registered, and hands it to the handler as <see cref="Body{T}"/>. A bad body is answered with rule 1's texts
/// (docs/WIRE.md), a failed rule with its own; both before the handler runs, after the API key was checked.
/// </summary>
public sealed class VendorBodyFilter<T>(Action<T>? normalize, bool validate, Func<ReadOnlyMemory<byte>, T?>? parse) : IEndpointFilter
    where T : class
{
    private readonly Func<ReadOnlyMemory<byte>, T?> _parse = parse ?? Deserialize;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var read = await ReadAsync(http);
        if (read is not T request) return read;

        normalize?.Invoke(request);
        if (validate && http.RequestServices.GetService<IValidator<T>>() is { } validator)
        {
            var validation = await validator.ValidateAsync(ValidationCancellation.For(request, http.RequestAborted), http.RequestAborted);
            if (!validation.IsValid) return ApiResults.BadRequest(validation.Errors[0].ErrorMessage);
        }

        http.Items[typeof(Body<T>)] = request;
        return await next(context);
    }

    /// <summary>The request, or the result that answers a body that is too large or not JSON of its shape.</summary>
    private async ValueTask<object> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = context.RequestServices.GetRequiredService<ApiLimits>().MaxRequestBodyBytes;
        if (request.ContentLength > limit) return TooLarge();

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit + 1;

        var buffer = new BodyBuffer(request.ContentLength, limit);
        // The parsed request may still read the bytes (a big create's clients do): they are given back after the response.
        context.Response.RegisterForDispose(buffer);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.Free(), context.RequestAborted);
                if (read == 0) break;
                if (!buffer.Advance(read)) return TooLarge();
            }
            if (buffer.Length == 0) return ApiResults.BadRequest(ErrorTexts.InvalidBodyDetail("the body is empty"));
            if (JsonText.HasNul(buffer.Content.Span)) return ApiResults.BadRequest(ErrorTexts.InvalidBodyDetail(ErrorTexts.NulInText));

            return (buffer.IsLarge ? await buffer.OffThreadPool(_parse) : _parse(buffer.Content)) as object
                ?? ApiResults.BadRequest(ErrorTexts.InvalidBodyDetail("expected a JSON object"));
        }
        catch (JsonException exception)
        {
            return ApiResults.BadRequest(ErrorTexts.InvalidBodyDetail(Describe(exception)));
        }
        catch (BadHttpRequestException exception)
        {
            return Refused(context, exception);
        }
    }

    private static T? Deserialize(ReadOnlyMemory<byte> json) => JsonSerializer.Deserialize<T>(json.Span, CampaignJson.Options);

    /// <summary>
    /// The server gave up on the body: too large (413), too slow for Kestrel's minimum data rate (408), or badly framed
    /// (400: a broken chunk, or the connection ended early). One warning line, no stack trace: the client is at fault.
    /// </summary>
    private static IResult Refused(HttpContext context, BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge) return TooLarge();
        var (status, error) = exception.StatusCode == StatusCodes.Status408RequestTimeout
            ? (StatusCodes.Status408RequestTimeout, ErrorTexts.BodyTooSlow)
            : (StatusCodes.Status400BadRequest, IsChunked(context.Request) ? ErrorTexts.BadChunkedFraming : ErrorTexts.IncompleteBody);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VendorBody).FullName!);
        logger.LogWarning("Request body refused with {StatusCode}: {Method} {Path}: {Reason}",
            status, context.Request.Method, context.Request.Path.Value, exception.Message);
        return ApiResults.Error(status, error);
    }

    private static bool IsChunked(HttpRequest request) =>
        request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge() => ApiResults.Error(StatusCodes.Status413PayloadTooLarge, ErrorTexts.BodyTooLarge);

    /// <summary>Where the body went wrong, without .NET type names or internals.</summary>
    private static string Describe(JsonException exception)
    {
        var position = $"line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}";
        return string.IsNullOrEmpty(exception.Path) || exception.Path == "$"
            ? $"malformed JSON at {position}"
            : $"wrong type or malformed value at {exception.Path} ({position})";
    }
}
