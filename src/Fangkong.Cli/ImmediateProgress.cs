namespace Fangkong.Cli;

/// <summary>
/// Reports progress on the caller's thread, in order. <see cref="Progress{T}"/> posts to the
/// thread pool in a console app, so late reports could overwrite newer ones on the bar.
/// </summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
