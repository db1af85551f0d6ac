using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// A checkbox posted with a value that isn't true/false (only a hand-made request does that) would make the
/// checkbox tag helper throw while showing the form again. The bad value is dropped so the form renders with
/// the field's own value; the binding error stays and the form is not saved.
/// </summary>
public sealed class InvalidBooleanFilter(IModelMetadataProvider metadata) : IPageFilter
{
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var modelState = context.ModelState;
        if (modelState.IsValid)
        {
            return;
        }

        foreach (var property in context.ActionDescriptor.BoundProperties)
        {
            var prefix = property.BindingInfo?.BinderModelName ?? property.Name;
            foreach (var key in BooleanKeys(metadata.GetMetadataForType(property.ParameterType), prefix, depth: 0))
            {
                if (modelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid && entry.RawValue is not null)
                {
                    modelState.SetModelValue(key, rawValue: null, attemptedValue: null);
                }
            }
        }
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    private static IEnumerable<string> BooleanKeys(ModelMetadata model, string prefix, int depth)
    {
        if (model.UnderlyingOrModelType == typeof(bool))
        {
            yield return prefix;
            yield break;
        }

        if (!model.IsComplexType || model.IsEnumerableType || depth > 3)
        {
            yield break;
        }

        foreach (var property in model.Properties)
        {
            foreach (var key in BooleanKeys(property, $"{prefix}.{property.PropertyName}", depth + 1))
            {
                yield return key;
            }
        }
    }
}
