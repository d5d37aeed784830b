/* Compiled inner loops (optional: without this module the same loops run in Python).
 *
 * The clusterer's loops have their Python twins in cluster/kernel.py, the LSH band keys in
 * cluster/copies.py, the shingle MinHash in represent/lexical.py.  Every function does exactly the operations of its twin, in the
 * same order, so both give bit-identical results (built with -ffp-contract=off: no fused
 * multiply-adds).  Dicts are read in insertion order, sets in their iteration order, like a
 * Python for loop.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>

static int
as_double(PyObject *o, double *out)
{
    if (PyFloat_CheckExact(o)) {
        *out = PyFloat_AS_DOUBLE(o);
        return 0;
    }
    *out = PyFloat_AsDouble(o);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

/* A read-only C-contiguous buffer of 8-byte items ("d" or "q"). */
static int
get_buffer8(PyObject *o, Py_buffer *view, const char *what)
{
    if (PyObject_GetBuffer(o, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    if (view->itemsize != 8 || view->ndim > 1) {
        PyBuffer_Release(view);
        PyErr_Format(PyExc_TypeError, "%s: a one-dimensional buffer of 8-byte items is required", what);
        return -1;
    }
    return 0;
}

/* The buffers of a term map's ids and of the IDF array (released together on failure); the ids
 * must be one per term (n_terms). */
static int
get_ids_idf(PyObject *ids_obj, PyObject *idf_obj, Py_ssize_t n_terms, const char *what, Py_buffer *ids_view,
            Py_buffer *idf_view)
{
    if (get_buffer8(ids_obj, ids_view, what) < 0)
        return -1;
    if (get_buffer8(idf_obj, idf_view, what) < 0) {
        PyBuffer_Release(ids_view);
        return -1;
    }
    if (ids_view->len / 8 != n_terms) {
        PyBuffer_Release(ids_view);
        PyBuffer_Release(idf_view);
        PyErr_Format(PyExc_ValueError, "%s: one id per term is required", what);
        return -1;
    }
    return 0;
}

static int dot_pass(PyObject *q, PyObject *sums, PyObject *usums, double *dot, double *adot);

/* dot(q, sums) -> sum of w * sums[t] over the items (t, w) of q whose t is in sums */
static PyObject *
k_dot(PyObject *self, PyObject *args)
{
    PyObject *q, *sums;
    double dot, unused;
    if (!PyArg_ParseTuple(args, "O!O!:dot", &PyDict_Type, &q, &PyDict_Type, &sums))
        return NULL;
    if (dot_pass(q, sums, NULL, &dot, &unused) < 0)
        return NULL;
    return PyFloat_FromDouble(dot);
}

/* dot2(q, sums, usums) -> (dot with sums, dot with usums); usums has every key of sums */
static PyObject *
k_dot2(PyObject *self, PyObject *args)
{
    PyObject *q, *sums, *usums;
    double dot, adot;
    if (!PyArg_ParseTuple(args, "O!O!O!:dot2", &PyDict_Type, &q, &PyDict_Type, &sums, &PyDict_Type, &usums))
        return NULL;
    if (dot_pass(q, sums, usums, &dot, &adot) < 0)
        return NULL;
    return Py_BuildValue("(dd)", dot, adot);
}

/* weigh(terms, ids, idf) -> (vec, vidf, total): for the k-th item (t, tf) of terms, with
 * i = idf[ids[k]], vec[t] = tf * i, vidf[t] = vec[t] * i, total = sum of vec[t] ** 2 (in order) */
static PyObject *
k_weigh(PyObject *self, PyObject *args)
{
    PyObject *terms, *ids_obj, *idf_obj, *key, *value, *f;
    PyObject *vec = NULL, *vidf = NULL;
    Py_ssize_t pos = 0, k = 0, n_idf;
    Py_buffer ids_view, idf_view;
    const long long *ids;
    const double *idf;
    double total = 0.0, tf, w, i;
    if (!PyArg_ParseTuple(args, "O!OO:weigh", &PyDict_Type, &terms, &ids_obj, &idf_obj))
        return NULL;
    if (get_ids_idf(ids_obj, idf_obj, PyDict_GET_SIZE(terms), "weigh", &ids_view, &idf_view) < 0)
        return NULL;
    ids = (const long long *)ids_view.buf;
    idf = (const double *)idf_view.buf;
    n_idf = idf_view.len / 8;
    vec = PyDict_New();
    vidf = PyDict_New();
    if (vec == NULL || vidf == NULL)
        goto fail;
    while (PyDict_Next(terms, &pos, &key, &value)) {
        if (ids[k] < 0 || ids[k] >= n_idf) {
            PyErr_SetString(PyExc_IndexError, "weigh: term id out of the IDF array");
            goto fail;
        }
        if (as_double(value, &tf) < 0)
            goto fail;
        i = idf[ids[k++]];
        w = tf * i;
        f = PyFloat_FromDouble(w);
        if (f == NULL || PyDict_SetItem(vec, key, f) < 0) {
            Py_XDECREF(f);
            goto fail;
        }
        Py_DECREF(f);
        f = PyFloat_FromDouble(w * i);
        if (f == NULL || PyDict_SetItem(vidf, key, f) < 0) {
            Py_XDECREF(f);
            goto fail;
        }
        Py_DECREF(f);
        total += w * w;
    }
    PyBuffer_Release(&ids_view);
    PyBuffer_Release(&idf_view);
    return Py_BuildValue("(NNd)", vec, vidf, total);
fail:
    PyBuffer_Release(&ids_view);
    PyBuffer_Release(&idf_view);
    Py_XDECREF(vec);
    Py_XDECREF(vidf);
    return NULL;
}

/* The number of key in numbers (a dict of ints); a key without one gets len(numbers) (*added set).
 * -1 on error. */
static int
number_of(PyObject *numbers, PyObject *key, long long *out, int *added)
{
    PyObject *obj = PyDict_GetItemWithError(numbers, key);
    *added = 0;
    if (obj == NULL) {
        if (PyErr_Occurred())
            return -1;
        *out = (long long)PyDict_GET_SIZE(numbers);
        obj = PyLong_FromLongLong(*out);
        if (obj == NULL)
            return -1;
        if (PyDict_SetItem(numbers, key, obj) < 0) {
            Py_DECREF(obj);
            return -1;
        }
        Py_DECREF(obj);
        *added = 1;
        return 0;
    }
    *out = PyLong_AsLongLong(obj);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

/* term_ids(terms, ids, names) -> bytes of one int64 id per term of terms, in order; a term
 * without an id gets the next one (ids[t] = len(names), names.append(t)) */
static PyObject *
k_term_ids(PyObject *self, PyObject *args)
{
    PyObject *terms, *ids, *names, *key, *value, *out;
    int added;
    Py_ssize_t pos = 0, k = 0;
    long long *dst, id;
    if (!PyArg_ParseTuple(args, "OO!O!:term_ids", &terms, &PyDict_Type, &ids, &PyList_Type, &names))
        return NULL;
    if (!PyDict_Check(terms)) {
        PyErr_SetString(PyExc_TypeError, "term_ids: terms must be a dict");
        return NULL;
    }
    if (PyDict_GET_SIZE(ids) != PyList_GET_SIZE(names)) {
        PyErr_SetString(PyExc_ValueError, "term_ids: one name per id is required");
        return NULL;
    }
    out = PyBytes_FromStringAndSize(NULL, PyDict_GET_SIZE(terms) * (Py_ssize_t)sizeof(long long));
    if (out == NULL)
        return NULL;
    dst = (long long *)PyBytes_AS_STRING(out);
    while (PyDict_Next(terms, &pos, &key, &value)) {
        if (number_of(ids, key, &id, &added) < 0 || (added && PyList_Append(names, key) < 0))
            goto fail;
        dst[k++] = id;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* accumulate(sums, usums, terms, inv, ids) -> (new terms, their ids): for each (t, tf) of terms,
 * sums[t] += tf (set when new), usums[t] = usums.get(t, 0.0) + tf * inv */
static PyObject *
k_accumulate(PyObject *self, PyObject *args)
{
    PyObject *sums, *usums, *terms, *ids, *key, *value, *old, *f, *id_obj;
    PyObject *new_terms = NULL, *new_ids = NULL;
    Py_ssize_t pos = 0;
    double inv, tf, ov;
    if (!PyArg_ParseTuple(args, "O!O!O!dO!:accumulate", &PyDict_Type, &sums, &PyDict_Type, &usums, &PyDict_Type,
                          &terms, &inv, &PyDict_Type, &ids))
        return NULL;
    new_terms = PyList_New(0);
    new_ids = PyList_New(0);
    if (new_terms == NULL || new_ids == NULL)
        goto fail;
    while (PyDict_Next(terms, &pos, &key, &value)) {
        if (as_double(value, &tf) < 0)
            goto fail;
        old = PyDict_GetItemWithError(sums, key);
        if (old == NULL) {
            if (PyErr_Occurred())
                goto fail;
            if (PyDict_SetItem(sums, key, value) < 0)
                goto fail;
            id_obj = PyDict_GetItemWithError(ids, key);
            if (id_obj == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetObject(PyExc_KeyError, key);
                goto fail;
            }
            if (PyList_Append(new_terms, key) < 0 || PyList_Append(new_ids, id_obj) < 0)
                goto fail;
        }
        else {
            if (as_double(old, &ov) < 0)
                goto fail;
            f = PyFloat_FromDouble(ov + tf);
            if (f == NULL || PyDict_SetItem(sums, key, f) < 0) {
                Py_XDECREF(f);
                goto fail;
            }
            Py_DECREF(f);
        }
        old = PyDict_GetItemWithError(usums, key);
        if (old == NULL) {
            if (PyErr_Occurred())
                goto fail;
            ov = 0.0;
        }
        else if (as_double(old, &ov) < 0)
            goto fail;
        f = PyFloat_FromDouble(ov + tf * inv);
        if (f == NULL || PyDict_SetItem(usums, key, f) < 0) {
            Py_XDECREF(f);
            goto fail;
        }
        Py_DECREF(f);
    }
    return Py_BuildValue("(NN)", new_terms, new_ids);
fail:
    Py_XDECREF(new_terms);
    Py_XDECREF(new_ids);
    return NULL;
}

/* top_candidates(fields, limit, k) -> the k story ids with the highest scores, by (-score, id):
 * fields is a list of (items, index, weight); for each (term, w) of items whose posting set in
 * index has 1..limit stories, each story's score += w * weight (in this order) */
typedef struct {
    long long id;
    double score;
    int used;
} cand_slot;

static int
cand_grow(cand_slot **table, Py_ssize_t *cap)
{
    Py_ssize_t old_cap = *cap, new_cap = old_cap * 2, i, h;
    cand_slot *old = *table, *fresh = PyMem_Calloc(new_cap, sizeof(cand_slot));
    if (fresh == NULL)
        return -1;
    for (i = 0; i < old_cap; i++) {
        if (!old[i].used)
            continue;
        h = (Py_ssize_t)(((unsigned long long)old[i].id * 0x9E3779B97F4A7C15ull) >> 20) & (new_cap - 1);
        while (fresh[h].used)
            h = (h + 1) & (new_cap - 1);
        fresh[h] = old[i];
    }
    PyMem_Free(old);
    *table = fresh;
    *cap = new_cap;
    return 0;
}

static PyObject *
k_top_candidates(PyObject *self, PyObject *args)
{
    PyObject *fields, *field, *items, *index, *item, *term, *wobj, *posting, *it, *sid, *out = NULL;
    Py_ssize_t limit, k, f, j, size, cap = 1024, count = 0, h, i, n_top = 0, pos;
    double weight, w, add;
    long long id;
    cand_slot *table, top[64];
    if (!PyArg_ParseTuple(args, "O!nn:top_candidates", &PyList_Type, &fields, &limit, &k))
        return NULL;
    if (k < 0 || k > 64) {
        PyErr_SetString(PyExc_ValueError, "top_candidates: k must be between 0 and 64");
        return NULL;
    }
    table = PyMem_Calloc(cap, sizeof(cand_slot));
    if (table == NULL)
        return PyErr_NoMemory();
    for (f = 0; f < PyList_GET_SIZE(fields); f++) {
        field = PyList_GET_ITEM(fields, f);
        if (!PyTuple_Check(field) || PyTuple_GET_SIZE(field) != 3 || !PyList_Check(PyTuple_GET_ITEM(field, 0)) ||
            !PyDict_Check(PyTuple_GET_ITEM(field, 1))) {
            PyErr_SetString(PyExc_TypeError, "top_candidates: fields must be (items, index, weight) triples");
            goto fail;
        }
        items = PyTuple_GET_ITEM(field, 0);
        index = PyTuple_GET_ITEM(field, 1);
        if (as_double(PyTuple_GET_ITEM(field, 2), &weight) < 0)
            goto fail;
        for (j = 0; j < PyList_GET_SIZE(items); j++) {
            item = PyList_GET_ITEM(items, j);
            if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
                PyErr_SetString(PyExc_TypeError, "top_candidates: items must be (term, weight) pairs");
                goto fail;
            }
            term = PyTuple_GET_ITEM(item, 0);
            wobj = PyTuple_GET_ITEM(item, 1);
            posting = PyDict_GetItemWithError(index, term);
            if (posting == NULL) {
                if (PyErr_Occurred())
                    goto fail;
                continue;
            }
            size = PyObject_Size(posting);
            if (size < 0)
                goto fail;
            if (size == 0 || size > limit)
                continue;
            if (as_double(wobj, &w) < 0)
                goto fail;
            add = w * weight;
            it = PyObject_GetIter(posting);
            if (it == NULL)
                goto fail;
            while ((sid = PyIter_Next(it)) != NULL) {
                id = PyLong_AsLongLong(sid);
                Py_DECREF(sid);
                if (id == -1 && PyErr_Occurred()) {
                    Py_DECREF(it);
                    goto fail;
                }
                if (2 * (count + 1) > cap && cand_grow(&table, &cap) < 0) {
                    Py_DECREF(it);
                    PyErr_NoMemory();
                    goto fail;
                }
                h = (Py_ssize_t)(((unsigned long long)id * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
                while (table[h].used && table[h].id != id)
                    h = (h + 1) & (cap - 1);
                if (!table[h].used) {
                    table[h].used = 1;
                    table[h].id = id;
                    table[h].score = 0.0 + add;
                    count++;
                }
                else
                    table[h].score = table[h].score + add;
            }
            Py_DECREF(it);
            if (PyErr_Occurred())
                goto fail;
        }
    }
    /* the k best by (-score, id), kept sorted by insertion */
    for (i = 0; i < cap; i++) {
        if (!table[i].used)
            continue;
        pos = n_top;
        while (pos > 0 && (table[i].score > top[pos - 1].score ||
                           (table[i].score == top[pos - 1].score && table[i].id < top[pos - 1].id)))
            pos--;
        if (pos >= k)
            continue;
        if (n_top < k)
            n_top++;
        for (j = n_top - 1; j > pos; j--)
            top[j] = top[j - 1];
        top[pos] = table[i];
    }
    out = PyList_New(n_top);
    if (out == NULL)
        goto fail;
    for (i = 0; i < n_top; i++) {
        sid = PyLong_FromLongLong(top[i].id);
        if (sid == NULL) {
            Py_CLEAR(out);
            goto fail;
        }
        PyList_SET_ITEM(out, i, sid);
    }
    PyMem_Free(table);
    return out;
fail:
    PyMem_Free(table);
    return NULL;
}

/* cosines(views, ids, idf) -> bytes of n * n doubles: the cosine of every pair of the term maps
 * ``views`` weighted tf * idf[ids[term]].  Terms are numbered by first appearance in the views (so
 * the result does not depend on the global ids); each view's weights are sorted by that number and
 * divided by their norm (summed in that order; a zero norm counts as 1), and each dot product runs
 * over the common terms in that order: py_cosines in cluster/kernel.py does the same operations. */
typedef struct {
    long long id;
    double w;
} id_weight;

static int
by_id(const void *a, const void *b)
{
    long long x = ((const id_weight *)a)->id, y = ((const id_weight *)b)->id;
    return (x > y) - (x < y);
}

static PyObject *
k_cosines(PyObject *self, PyObject *args)
{
    PyObject *views, *ids, *idf_obj, *view, *key, *value, *id_obj, *vocab = NULL, *out = NULL;
    Py_buffer idf_view;
    Py_ssize_t n, v, pos, total = 0, k = 0, i, j, a, b, n_idf;
    id_weight *rows = NULL;
    Py_ssize_t *start = NULL;
    double *col_idf = NULL;
    const double *idf;
    double *dst, x, norm, dot;
    long long id, col;
    int added;
    if (!PyArg_ParseTuple(args, "O!O!O:cosines", &PyList_Type, &views, &PyDict_Type, &ids, &idf_obj))
        return NULL;
    if (get_buffer8(idf_obj, &idf_view, "cosines") < 0)
        return NULL;
    idf = (const double *)idf_view.buf;
    n_idf = idf_view.len / 8;
    n = PyList_GET_SIZE(views);
    for (v = 0; v < n; v++) {
        view = PyList_GET_ITEM(views, v);
        if (!PyDict_Check(view)) {
            PyErr_SetString(PyExc_TypeError, "cosines: views must be dicts");
            goto fail;
        }
        total += PyDict_GET_SIZE(view);
    }
    rows = PyMem_Malloc(sizeof(id_weight) * (size_t)(total ? total : 1));
    col_idf = PyMem_Malloc(sizeof(double) * (size_t)(total ? total : 1));
    start = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n + 1));
    vocab = PyDict_New();
    if (rows == NULL || col_idf == NULL || start == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    if (vocab == NULL)
        goto fail;
    for (v = 0; v < n; v++) {
        view = PyList_GET_ITEM(views, v);
        start[v] = k;
        pos = 0;
        while (PyDict_Next(view, &pos, &key, &value)) {
            if (k >= total) {
                PyErr_SetString(PyExc_RuntimeError, "cosines: a view changed size");
                goto fail;
            }
            if (number_of(vocab, key, &col, &added) < 0)
                goto fail;
            if (added) {
                id_obj = PyDict_GetItemWithError(ids, key);
                if (id_obj == NULL) {
                    if (!PyErr_Occurred())
                        PyErr_SetObject(PyExc_KeyError, key);
                    goto fail;
                }
                id = PyLong_AsLongLong(id_obj);
                if (id == -1 && PyErr_Occurred())
                    goto fail;
                if (id < 0 || id >= n_idf) {
                    PyErr_SetString(PyExc_IndexError, "cosines: term id out of the IDF array");
                    goto fail;
                }
                col_idf[col] = idf[id];
            }
            if (as_double(value, &x) < 0)
                goto fail;
            rows[k].id = col;
            rows[k].w = x * col_idf[col];
            k++;
        }
        qsort(rows + start[v], (size_t)(k - start[v]), sizeof(id_weight), by_id);
        norm = 0.0;
        for (i = start[v]; i < k; i++)
            norm += rows[i].w * rows[i].w;
        norm = sqrt(norm);
        if (norm == 0.0)
            norm = 1.0;
        for (i = start[v]; i < k; i++)
            rows[i].w /= norm;
    }
    start[n] = k;
    out = PyBytes_FromStringAndSize(NULL, n * n * (Py_ssize_t)sizeof(double));
    if (out == NULL)
        goto fail;
    dst = (double *)PyBytes_AS_STRING(out);
    for (i = 0; i < n; i++) {
        for (j = i; j < n; j++) {
            dot = 0.0;
            a = start[i];
            b = start[j];
            while (a < start[i + 1] && b < start[j + 1]) {
                if (rows[a].id < rows[b].id)
                    a++;
                else if (rows[a].id > rows[b].id)
                    b++;
                else {
                    dot += rows[a].w * rows[b].w;
                    a++;
                    b++;
                }
            }
            dst[i * n + j] = dot;
            dst[j * n + i] = dot;
        }
    }
    Py_DECREF(vocab);
    PyMem_Free(rows);
    PyMem_Free(col_idf);
    PyMem_Free(start);
    PyBuffer_Release(&idf_view);
    return out;
fail:
    Py_XDECREF(vocab);
    PyMem_Free(rows);
    PyMem_Free(col_idf);
    PyMem_Free(start);
    PyBuffer_Release(&idf_view);
    return NULL;
}

/* index_add(index, terms, story): index.setdefault(t, set()).add(story) for each t of terms */
static PyObject *
k_index_add(PyObject *self, PyObject *args)
{
    PyObject *index, *terms, *story, *term, *posting;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "O!O!O:index_add", &PyDict_Type, &index, &PyList_Type, &terms, &story))
        return NULL;
    for (k = 0; k < PyList_GET_SIZE(terms); k++) {
        term = PyList_GET_ITEM(terms, k);
        posting = PyDict_GetItemWithError(index, term);
        if (posting == NULL) {
            if (PyErr_Occurred())
                return NULL;
            posting = PySet_New(NULL);
            if (posting == NULL)
                return NULL;
            if (PyDict_SetItem(index, term, posting) < 0) {
                Py_DECREF(posting);
                return NULL;
            }
            Py_DECREF(posting); /* the dict holds it */
        }
        if (!PySet_Check(posting)) {
            PyErr_SetString(PyExc_TypeError, "index_add: postings must be sets");
            return NULL;
        }
        if (PySet_Add(posting, story) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* unindex(index, terms, story): drop story from the postings of the keys of terms; a posting
 * left empty is deleted */
static PyObject *
k_unindex(PyObject *self, PyObject *args)
{
    PyObject *index, *terms, *story, *key, *value, *posting;
    Py_ssize_t pos = 0;
    if (!PyArg_ParseTuple(args, "O!O!O:unindex", &PyDict_Type, &index, &PyDict_Type, &terms, &story))
        return NULL;
    while (PyDict_Next(terms, &pos, &key, &value)) {
        posting = PyDict_GetItemWithError(index, key);
        if (posting == NULL) {
            if (PyErr_Occurred())
                return NULL;
            continue;
        }
        if (!PySet_Check(posting)) {
            PyErr_SetString(PyExc_TypeError, "unindex: postings must be sets");
            return NULL;
        }
        if (PySet_Discard(posting, story) < 0)
            return NULL;
        if (PySet_GET_SIZE(posting) == 0 && PyDict_DelItem(index, key) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* CRC-32 (the polynomial of zlib.crc32), chained like zlib: crc(a + b) == crc_update(crc(a), b) */
static uint32_t crc_table[256];

static void
crc_init(void)
{
    uint32_t c;
    int n, k;
    for (n = 0; n < 256; n++) {
        c = (uint32_t)n;
        for (k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t
crc_update(uint32_t crc, const unsigned char *p, Py_ssize_t n)
{
    crc = ~crc;
    while (n-- > 0)
        crc = crc_table[(crc ^ *p++) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

/* minhash_words(words, k, a, b) -> tuple of len(a) ints: the MinHash signature of the CRC-32
 * hashes of the UTF-8 of each k-gram of words joined by spaces (of all words when fewer than k;
 * zeros when there are none); value j is min over hashes x of (a[j] * x + b[j]) mod 2**32 */
static PyObject *
k_minhash_words(PyObject *self, PyObject *args)
{
    PyObject *words, *a_obj, *b_obj, *out = NULL, *v;
    Py_buffer a_view, b_view;
    Py_ssize_t n, k, i, j, m, count, perms;
    const char **text = NULL;
    Py_ssize_t *size = NULL;
    uint32_t *hashes = NULL, crc;
    const uint64_t *a, *b;
    uint64_t best, h;
    if (!PyArg_ParseTuple(args, "O!nOO:minhash_words", &PyList_Type, &words, &k, &a_obj, &b_obj))
        return NULL;
    if (k < 1) {
        PyErr_SetString(PyExc_ValueError, "minhash_words: k must be at least 1");
        return NULL;
    }
    if (get_buffer8(a_obj, &a_view, "minhash_words") < 0)
        return NULL;
    if (get_buffer8(b_obj, &b_view, "minhash_words") < 0) {
        PyBuffer_Release(&a_view);
        return NULL;
    }
    perms = a_view.len / 8;
    if (b_view.len / 8 != perms) {
        PyErr_SetString(PyExc_ValueError, "minhash_words: a and b must have the same length");
        goto done;
    }
    a = (const uint64_t *)a_view.buf;
    b = (const uint64_t *)b_view.buf;
    n = PyList_GET_SIZE(words);
    out = PyTuple_New(perms);
    if (out == NULL)
        goto done;
    if (n == 0) {
        for (j = 0; j < perms; j++) {
            v = PyLong_FromLong(0);
            if (v == NULL)
                goto fail;
            PyTuple_SET_ITEM(out, j, v);
        }
        goto done;
    }
    count = n < k ? 1 : n - k + 1;
    text = PyMem_Malloc(n * sizeof(char *));
    size = PyMem_Malloc(n * sizeof(Py_ssize_t));
    hashes = PyMem_Malloc(count * sizeof(uint32_t));
    if (text == NULL || size == NULL || hashes == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    for (i = 0; i < n; i++) {
        v = PyList_GET_ITEM(words, i);
        if (!PyUnicode_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "minhash_words: words must be strings");
            goto fail;
        }
        text[i] = PyUnicode_AsUTF8AndSize(v, &size[i]);
        if (text[i] == NULL)
            goto fail;
    }
    m = n < k ? n : k;
    for (i = 0; i < count; i++) {
        crc = 0;
        for (j = 0; j < m; j++) {
            if (j)
                crc = crc_update(crc, (const unsigned char *)" ", 1);
            crc = crc_update(crc, (const unsigned char *)text[i + j], size[i + j]);
        }
        hashes[i] = crc;
    }
    for (j = 0; j < perms; j++) {
        best = UINT64_MAX;
        for (i = 0; i < count; i++) {
            h = (a[j] * (uint64_t)hashes[i] + b[j]) & 0xFFFFFFFFu;
            if (h < best)
                best = h;
        }
        v = PyLong_FromUnsignedLongLong(best);
        if (v == NULL)
            goto fail;
        PyTuple_SET_ITEM(out, j, v);
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    PyMem_Free(text);
    PyMem_Free(size);
    PyMem_Free(hashes);
    PyBuffer_Release(&a_view);
    PyBuffer_Release(&b_view);
    return out;
}

/* band_keys(sig, rows) -> list of bytes: for each band b of rows values of sig, the little-endian
 * 32-bit words b, sig[b * rows], ..., sig[b * rows + rows - 1] (ValueError for values outside
 * 0 .. 2**32 - 1) */
static void
put_le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v & 0xFFu);
    p[1] = (unsigned char)((v >> 8) & 0xFFu);
    p[2] = (unsigned char)((v >> 16) & 0xFFu);
    p[3] = (unsigned char)((v >> 24) & 0xFFu);
}

static PyObject *
k_band_keys(PyObject *self, PyObject *args)
{
    PyObject *sig, *out, *key;
    Py_ssize_t rows, bands, b, r;
    unsigned long long v;
    unsigned char buf[4 * 65];
    if (!PyArg_ParseTuple(args, "O!n:band_keys", &PyTuple_Type, &sig, &rows))
        return NULL;
    if (rows < 1 || rows > 64) {
        PyErr_SetString(PyExc_ValueError, "band_keys: rows must be between 1 and 64");
        return NULL;
    }
    bands = PyTuple_GET_SIZE(sig) / rows;
    out = PyList_New(bands);
    if (out == NULL)
        return NULL;
    for (b = 0; b < bands; b++) {
        put_le32(buf, (uint32_t)b);
        for (r = 0; r < rows; r++) {
            v = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(sig, b * rows + r));
            if (v == (unsigned long long)-1 && PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                    PyErr_Clear();
                    PyErr_SetString(PyExc_ValueError, "band_keys: values must be 32-bit unsigned integers");
                }
                Py_DECREF(out);
                return NULL;
            }
            if (v > 0xFFFFFFFFull) {
                PyErr_SetString(PyExc_ValueError, "band_keys: values must be 32-bit unsigned integers");
                Py_DECREF(out);
                return NULL;
            }
            put_le32(buf + 4 * (r + 1), (uint32_t)v);
        }
        key = PyBytes_FromStringAndSize((const char *)buf, 4 * (rows + 1));
        if (key == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, b, key);
    }
    return out;
}


/* norm(sums, idlist, idf) -> sqrt of the sum over the story's terms, in sums order, of
 * (sums[t] * idf[id of t]) ** 2: the norm of the story's TF-IDF weights, summed in sums order */
static PyObject *
k_norm(PyObject *self, PyObject *args)
{
    PyObject *sums, *id_obj, *idf_obj, *key, *value;
    Py_buffer ids_view, idf_view;
    Py_ssize_t pos = 0, k = 0, n_idf;
    const long long *ids;
    const double *idf;
    double v, total = 0.0;
    if (!PyArg_ParseTuple(args, "O!OO:norm", &PyDict_Type, &sums, &id_obj, &idf_obj))
        return NULL;
    if (get_ids_idf(id_obj, idf_obj, PyDict_GET_SIZE(sums), "norm", &ids_view, &idf_view) < 0)
        return NULL;
    ids = (const long long *)ids_view.buf;
    idf = (const double *)idf_view.buf;
    n_idf = idf_view.len / 8;
    while (PyDict_Next(sums, &pos, &key, &value)) {
        if (ids[k] < 0 || ids[k] >= n_idf) {
            PyErr_SetString(PyExc_IndexError, "norm: term id out of the IDF array");
            goto fail;
        }
        if (as_double(value, &v) < 0)
            goto fail;
        v *= idf[ids[k]];
        total += v * v;
        k++;
    }
    PyBuffer_Release(&ids_view);
    PyBuffer_Release(&idf_view);
    return PyFloat_FromDouble(sqrt(total));
fail:
    PyBuffer_Release(&ids_view);
    PyBuffer_Release(&idf_view);
    return NULL;
}


/* score_stories(stories, steps, snap, norm_of, bias) -> [score per story]: see py_score_stories in
 * cluster/kernel.py (the step kinds and their tuples are documented there). */
static PyObject *s_sums, *s_usums, *s_norms, *s_version, *s_core, *s_years, *s_first_pub, *s_last_pub;

static int
story_norm(PyObject *story, PyObject *name, PyObject *snap, PyObject *norm_of, double *out)
{
    PyObject *norms = PyObject_GetAttr(story, s_norms), *cached, *version, *r;
    int fresh = 0;
    if (norms == NULL)
        return -1;
    if (!PyDict_Check(norms)) {
        Py_DECREF(norms);
        PyErr_SetString(PyExc_TypeError, "score_stories: story.norms must be a dict");
        return -1;
    }
    cached = PyDict_GetItemWithError(norms, name);
    if (cached == NULL && PyErr_Occurred()) {
        Py_DECREF(norms);
        return -1;
    }
    if (cached != NULL && PyTuple_Check(cached) && PyTuple_GET_SIZE(cached) == 3) {
        Py_INCREF(cached);
        version = PyObject_GetAttr(story, s_version);
        if (version == NULL) {
            Py_DECREF(cached);
            Py_DECREF(norms);
            return -1;
        }
        fresh = PyObject_RichCompareBool(PyTuple_GET_ITEM(cached, 0), version, Py_EQ);
        Py_DECREF(version);
        if (fresh == 1)
            fresh = PyObject_RichCompareBool(PyTuple_GET_ITEM(cached, 1), snap, Py_EQ);
        if (fresh == 1 && as_double(PyTuple_GET_ITEM(cached, 2), out) < 0)
            fresh = -1;
        Py_DECREF(cached);
        if (fresh != 0) {
            Py_DECREF(norms);
            return fresh == 1 ? 0 : -1;
        }
    }
    Py_DECREF(norms);
    r = PyObject_CallFunctionObjArgs(norm_of, story, name, NULL);
    if (r == NULL)
        return -1;
    fresh = as_double(r, out);
    Py_DECREF(r);
    return fresh;
}

/* story.<attr>[name] as a borrowed dict (the story keeps it alive) */
static PyObject *
story_field(PyObject *story, PyObject *attr, PyObject *name)
{
    PyObject *by_field = PyObject_GetAttr(story, attr), *d;
    if (by_field == NULL)
        return NULL;
    d = PyDict_Check(by_field) ? PyDict_GetItemWithError(by_field, name) : NULL;
    Py_DECREF(by_field);
    if (d == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, name);
        return NULL;
    }
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "score_stories: story sums must be dicts");
        return NULL;
    }
    return d;
}

/* the loop of dot (usums NULL) and dot2 */
static int
dot_pass(PyObject *q, PyObject *sums, PyObject *usums, double *dot, double *adot)
{
    PyObject *key, *value, *s, *u;
    Py_ssize_t pos = 0;
    double w, sv, uv;
    *dot = 0.0;
    *adot = 0.0;
    while (PyDict_Next(q, &pos, &key, &value)) {
        s = PyDict_GetItemWithError(sums, key);
        if (s == NULL) {
            if (PyErr_Occurred())
                return -1;
            continue;
        }
        if (as_double(value, &w) < 0 || as_double(s, &sv) < 0)
            return -1;
        *dot += w * sv;
        if (usums != NULL) {
            u = PyDict_GetItemWithError(usums, key);
            if (u == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetObject(PyExc_KeyError, key);
                return -1;
            }
            if (as_double(u, &uv) < 0)
                return -1;
            *adot += w * uv;
        }
    }
    return 0;
}

static int
opt_double(PyObject *o, int *present, double *out)
{
    *present = o != Py_None;
    return *present ? as_double(o, out) : 0;
}

static int
score_one(PyObject *story, PyObject *steps, PyObject *snap, PyObject *norm_of, double *total)
{
    Py_ssize_t i, n = PyList_GET_SIZE(steps);
    *total = 0.0;
    for (i = 0; i < n; i++) {
        PyObject *step = PyList_GET_ITEM(steps, i);
        long kind;
        if (!PyTuple_Check(step) || PyTuple_GET_SIZE(step) < 2) {
            PyErr_SetString(PyExc_TypeError, "score_stories: each step must be a tuple");
            return -1;
        }
        kind = PyLong_AsLong(PyTuple_GET_ITEM(step, 0));
        if (kind == -1 && PyErr_Occurred())
            return -1;
        if ((kind == 0 && PyTuple_GET_SIZE(step) == 5) || (kind == 1 && PyTuple_GET_SIZE(step) == 6)) {
            Py_ssize_t m = PyTuple_GET_SIZE(step);
            PyObject *name = PyTuple_GET_ITEM(step, 1), *q = PyTuple_GET_ITEM(step, m - 1), *sums, *usums = NULL;
            double snorm, qnorm, w, w2 = 0.0, dot, adot, cosine = 0.0, mean = 0.0;
            if (!PyDict_Check(q)) {
                PyErr_SetString(PyExc_TypeError, "score_stories: the query weights must be a dict");
                return -1;
            }
            if (story_norm(story, name, snap, norm_of, &snorm) < 0 || as_double(PyTuple_GET_ITEM(step, m - 2), &qnorm) < 0
                || as_double(PyTuple_GET_ITEM(step, 2), &w) < 0)
                return -1;
            if (kind == 1 && as_double(PyTuple_GET_ITEM(step, 3), &w2) < 0)
                return -1;
            if (qnorm != 0.0 && snorm != 0.0) {
                if ((sums = story_field(story, s_sums, name)) == NULL)
                    return -1;
                if (kind == 1 && (usums = story_field(story, s_usums, name)) == NULL)
                    return -1;
                if (dot_pass(q, sums, usums, &dot, &adot) < 0)
                    return -1;
                cosine = dot / (qnorm * snorm);
                if (kind == 1) {
                    PyObject *core = PyObject_GetAttr(story, s_core);
                    Py_ssize_t size;
                    if (core == NULL)
                        return -1;
                    size = PyObject_Length(core);
                    Py_DECREF(core);
                    if (size < 0)
                        return -1;
                    mean = adot / (qnorm * (double)size);
                }
            }
            if (kind == 1) {
                *total += w * mean;
                *total += w2 * cosine;
            }
            else
                *total += w * cosine;
        }
        else if (kind == 2 && PyTuple_GET_SIZE(step) == 6) {
            PyObject *terms = PyTuple_GET_ITEM(step, 3), *weights = PyTuple_GET_ITEM(step, 4), *sums;
            double w, tw, top, hit = 0.0;
            Py_ssize_t k;
            int has;
            if (!PyList_Check(terms) || !PyList_Check(weights) || PyList_GET_SIZE(terms) != PyList_GET_SIZE(weights)) {
                PyErr_SetString(PyExc_ValueError, "score_stories: top terms and weights must be lists of one length");
                return -1;
            }
            if ((sums = story_field(story, s_sums, PyTuple_GET_ITEM(step, 1))) == NULL
                || as_double(PyTuple_GET_ITEM(step, 2), &w) < 0 || as_double(PyTuple_GET_ITEM(step, 5), &top) < 0)
                return -1;
            for (k = 0; k < PyList_GET_SIZE(terms); k++) {
                has = PyDict_Contains(sums, PyList_GET_ITEM(terms, k));
                if (has < 0)
                    return -1;
                if (has) {
                    if (as_double(PyList_GET_ITEM(weights, k), &tw) < 0)
                        return -1;
                    hit += tw;
                }
            }
            *total += w * (top != 0.0 ? hit / top : 0.0);
        }
        else if (kind == 3 && PyTuple_GET_SIZE(step) == 4) {
            PyObject *years = PyTuple_GET_ITEM(step, 3), *story_years, *it, *y;
            double w1, w2;
            int overlap = 0, has;
            Py_ssize_t own;
            if (as_double(PyTuple_GET_ITEM(step, 1), &w1) < 0 || as_double(PyTuple_GET_ITEM(step, 2), &w2) < 0)
                return -1;
            story_years = PyObject_GetAttr(story, s_years);
            if (story_years == NULL)
                return -1;
            if (!PyDict_Check(story_years) || !PyAnySet_Check(years)) {
                Py_DECREF(story_years);
                PyErr_SetString(PyExc_TypeError, "score_stories: years must be a set and story.years a dict");
                return -1;
            }
            it = PyObject_GetIter(years);
            if (it == NULL) {
                Py_DECREF(story_years);
                return -1;
            }
            while (!overlap && (y = PyIter_Next(it)) != NULL) {
                has = PyDict_Contains(story_years, y);
                Py_DECREF(y);
                if (has < 0) {
                    Py_DECREF(it);
                    Py_DECREF(story_years);
                    return -1;
                }
                overlap = has;
            }
            Py_DECREF(it);
            own = PyDict_GET_SIZE(story_years);
            Py_DECREF(story_years);
            if (PyErr_Occurred())
                return -1;
            *total += w1 * (overlap ? 1.0 : 0.0);
            *total += w2 * (PySet_GET_SIZE(years) > 0 && own > 0 && !overlap ? 1.0 : 0.0);
        }
        else if (kind == 4 && PyTuple_GET_SIZE(step) == 3) {
            PyObject *first_o, *last_o;
            double w, published = 0.0, first = 0.0, last = 0.0, gap, days = 0.0, x;
            int has_pub, has_first, has_last, bad;
            if (as_double(PyTuple_GET_ITEM(step, 1), &w) < 0 || opt_double(PyTuple_GET_ITEM(step, 2), &has_pub, &published) < 0)
                return -1;
            if ((first_o = PyObject_GetAttr(story, s_first_pub)) == NULL)
                return -1;
            if ((last_o = PyObject_GetAttr(story, s_last_pub)) == NULL) {
                Py_DECREF(first_o);
                return -1;
            }
            bad = opt_double(first_o, &has_first, &first) < 0 || opt_double(last_o, &has_last, &last) < 0;
            Py_DECREF(first_o);
            Py_DECREF(last_o);
            if (bad)
                return -1;
            if (has_pub && has_first && has_last) {
                if (first <= published && published <= last)
                    gap = 0.0;
                else
                    gap = fabs(published - (published < first ? first : last)) / 3600.0;
                x = gap / 24.0 - 1.0;
                days = log1p(x > 0.0 ? x : 0.0);
            }
            *total += w * days;
        }
        else {
            PyErr_SetString(PyExc_ValueError, "score_stories: unknown step");
            return -1;
        }
    }
    return 0;
}

static PyObject *
k_score_stories(PyObject *self, PyObject *args)
{
    PyObject *stories, *steps, *snap, *norm_of, *out;
    double bias, total;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!O!OOd:score_stories", &PyList_Type, &stories, &PyList_Type, &steps, &snap,
                          &norm_of, &bias))
        return NULL;
    out = PyList_New(PyList_GET_SIZE(stories));
    if (out == NULL)
        return NULL;
    for (i = 0; i < PyList_GET_SIZE(stories); i++) {
        PyObject *value;
        if (score_one(PyList_GET_ITEM(stories, i), steps, snap, norm_of, &total) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        value = PyFloat_FromDouble(bias + total);
        if (value == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, value);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"dot", k_dot, METH_VARARGS, "Dot product of a query's weights with a story's sums."},
    {"dot2", k_dot2, METH_VARARGS, "Dot products with a story's sums and normalised sums."},
    {"weigh", k_weigh, METH_VARARGS, "TF-IDF weights of a term map, their IDF-squared form and squared norm."},
    {"term_ids", k_term_ids, METH_VARARGS, "Ids of a term map's terms (new terms get the next ids)."},
    {"accumulate", k_accumulate, METH_VARARGS, "Add an article's term map to a story's sums."},
    {"top_candidates", k_top_candidates, METH_VARARGS, "The best candidate stories from an inverted index."},
    {"cosines", k_cosines, METH_VARARGS, "The cosine of every pair of term maps, TF-IDF weighted."},
    {"index_add", k_index_add, METH_VARARGS, "Add a story to the postings of terms."},
    {"unindex", k_unindex, METH_VARARGS, "Remove a story from the postings of terms."},
    {"band_keys", k_band_keys, METH_VARARGS, "LSH band keys of a MinHash signature."},
    {"minhash_words", k_minhash_words, METH_VARARGS, "MinHash signature of the word k-grams of a list of words."},
    {"score_stories", k_score_stories, METH_VARARGS, "Decision scores of an article against candidate stories."},
    {"norm", k_norm, METH_VARARGS, "The norm of a story's sums times the IDF of their terms."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "newsprism._speedups",
    "Compiled inner loops (their Python twins: cluster/kernel.py, represent/lexical.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    crc_init();
#define INTERN(var, text) if ((var = PyUnicode_InternFromString(text)) == NULL) return NULL
    INTERN(s_sums, "sums");
    INTERN(s_usums, "usums");
    INTERN(s_norms, "norms");
    INTERN(s_version, "version");
    INTERN(s_core, "core");
    INTERN(s_years, "years");
    INTERN(s_first_pub, "first_pub");
    INTERN(s_last_pub, "last_pub");
#undef INTERN
    return PyModule_Create(&module);
}
