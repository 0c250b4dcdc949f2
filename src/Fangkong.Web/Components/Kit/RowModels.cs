namespace Fangkong.Web.Components.Kit;

/// <summary>
/// One model per row form, kept for the page's render: an <c>EditForm</c> whose model is a new object
/// at the next render starts a new edit context, and the messages shown on the old one are lost.
/// </summary>
public sealed class RowModels<TModel>
    where TModel : class
{
    private readonly Dictionary<long, TModel> _models = [];

    /// <summary>The posted model when it is this row's, otherwise the row's own (made once).</summary>
    public TModel For(long row, TModel? posted, Func<TModel, long> rowOf, Func<TModel> create)
    {
        ArgumentNullException.ThrowIfNull(rowOf);
        ArgumentNullException.ThrowIfNull(create);
        if (posted is not null && rowOf(posted) == row)
        {
            return posted;
        }

        if (!_models.TryGetValue(row, out var model))
        {
            model = create();
            _models[row] = model;
        }

        return model;
    }
}
