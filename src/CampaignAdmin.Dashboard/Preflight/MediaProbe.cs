using System.Net;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>How one header media link answered.</summary>
public enum LinkOutcome
{
    Answers,
    /// <summary>It answered with an error status (404, 500…): WhatsApp would get the same.</summary>
    Fails,
    /// <summary>Not an http(s) link, or it points (or redirects) to a private or loopback address.</summary>
    Refused,
    /// <summary>No answer in time, or no connection: may be the dashboard's own network.</summary>
    Unreachable,
}

public sealed record LinkAnswer(string Url, LinkOutcome Outcome, string Detail);

/// <summary>Asks whether header media links answer. A seam for tests of the checklist; <see cref="MediaProbe"/> is the real one.</summary>
public interface IMediaProbe
{
    Task<LinkAnswer> AskAsync(string url, CancellationToken cancellationToken);
}

/// <summary>
/// A HEAD request (a GET of one byte when HEAD is not allowed) through <see cref="GuardedConnect"/>, within
/// <see cref="PreflightOptions.MediaTimeout"/> for the whole exchange, following at most <see cref="MaxRedirects"/>
/// redirects, each to an http(s) address that is connected to through the guard again.
/// </summary>
public sealed class MediaProbe(HttpMessageHandler handler, TimeSpan timeout) : IMediaProbe, IDisposable
{
    public const int MaxRedirects = 3;
    private readonly HttpClient _http = new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<LinkAnswer> AskAsync(string url, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        if (!IsWebLink(url, out var uri)) return new(url, LinkOutcome.Refused, PreflightTexts.NotAWebLink);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var response = await SendAsync(uri, limit.Token);
                if (!IsRedirect(response.StatusCode)) return Judge(url, response.StatusCode);
                if (hop == MaxRedirects) return new(url, LinkOutcome.Fails, PreflightTexts.TooManyRedirects(MaxRedirects));
                if (response.Headers.Location is not { } location || !IsWebLink(new Uri(uri, location).ToString(), out uri))
                    return new(url, LinkOutcome.Refused, PreflightTexts.RedirectNotWeb);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(url, LinkOutcome.Unreachable, PreflightTexts.NoAnswerWithin(timeout));
        }
        catch (HttpRequestException exception) when (Refusal(exception) is { } refused)
        {
            return new(url, LinkOutcome.Refused, PreflightTexts.PrivateAddress(refused.Address));
        }
        catch (HttpRequestException exception)
        {
            return new(url, LinkOutcome.Unreachable, PreflightTexts.NoConnection(exception.HttpRequestError));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, uri), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (head.StatusCode is not (HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)) return head;
        head.Dispose();
        // Some stores refuse HEAD: one byte of the file says as much, and the body is never read.
        var get = new HttpRequestMessage(HttpMethod.Get, uri);
        get.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 0);
        return await _http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public void Dispose()
    {
        _http.Dispose();
        handler.Dispose();
    }

    private static LinkAnswer Judge(string url, HttpStatusCode status) =>
        (int)status is >= 200 and < 300
            ? new(url, LinkOutcome.Answers, PreflightTexts.Answered((int)status))
            : new(url, LinkOutcome.Fails, PreflightTexts.AnsweredError((int)status));

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    /// <summary>Only absolute http and https links, with a host.</summary>
    public static bool IsWebLink(string value, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0) return false;
        uri = parsed;
        return true;
    }

    private static RefusedAddressException? Refusal(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is RefusedAddressException refused) return refused;
        return null;
    }
}
