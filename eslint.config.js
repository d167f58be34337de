// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/config.ts reads process.env.',
        },
      ],
    },
  },
  { files: ['src/config.ts', 'tests/**'], rules: { 'no-restricted-syntax': 'off' } },
  {
    // Retrieval, answers and evaluation reach the index only through src/index/searchable-index.ts.
    files: ['src/retrieval/**', 'src/answer/**', 'src/eval/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'better-sqlite3',
              message: 'Use the SearchableIndex (src/index/searchable-index.ts); SQL lives in src/store.',
            },
            {
              name: 'hnswlib-node',
              message: 'Use the SearchableIndex (src/index/searchable-index.ts); hnswlib calls live in src/index.',
            },
          ],
          patterns: [
            {
              group: ['**/store/index-db.js', '**/store/index-search.js', '**/index/sqlite/*'],
              message: 'An engine adapter: use the SearchableIndex (src/index/searchable-index.ts) instead.',
            },
          ],
        },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
