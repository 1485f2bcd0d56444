// CSS lives in Lit `css` templates; postcss-lit lets stylelint read them.
// Custom properties must be the public `--council-*` or private `--_council-*` tokens, and
// layout uses logical properties so right-to-left text and vertical writing never break it.
const physical = ['left', 'right', 'top', 'bottom'];

export default {
  extends: ['stylelint-config-standard'],
  overrides: [{ files: ['**/*.ts'], customSyntax: 'postcss-lit' }],
  rules: {
    'custom-property-pattern': ['^_?council-[a-z0-9-]+$', { message: 'Use --council-* (public) or --_council-* (private) names' }],
    'property-disallowed-list': [
      [
        ...physical.flatMap((side) => [`margin-${side}`, `padding-${side}`, `border-${side}`, `border-${side}-width`, `border-${side}-color`, `border-${side}-style`]),
        'width',
        'height',
        'min-width',
        'max-width',
        'min-height',
        'max-height',
        'left',
        'right',
        'top',
        'bottom',
      ],
      { message: 'Use the logical property (margin-inline-start, inline-size, inset-block-start…)' },
    ],
    'declaration-property-value-disallowed-list': { 'text-align': ['left', 'right'], float: ['left', 'right'] },
    'selector-type-no-unknown': [true, { ignore: ['custom-elements'] }],
    'keyframes-name-pattern': '^council-[a-z-]+$',
    'no-descending-specificity': null,
    'declaration-empty-line-before': null,
  },
};
