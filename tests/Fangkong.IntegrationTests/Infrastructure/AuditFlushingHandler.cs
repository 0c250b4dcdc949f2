using Fangkong.Auditing;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// Audit lines of reads are appended by a background writer, after the answer. A test that reads
/// the log right after a call waits here until the lines queued so far are stored, so that it
/// checks what was recorded and not how fast the writer is.
/// </summary>
public sealed class AuditFlushingHandler(IServiceProvider services) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await services.GetRequiredService<AuditWriter>().FlushAsync(cancellationToken);
        return response;
    }
}
