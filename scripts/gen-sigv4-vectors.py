#!/usr/bin/env python3
"""Generate AWS Signature Version 4 test vectors with botocore as the oracle.

Usage:
    python3 scripts/gen-sigv4-vectors.py                 # write the vectors file
    python3 scripts/gen-sigv4-vectors.py --check-suite   # compare botocore with
                                                         # the official AWS suite

Output: Tests/AWSClientTests/Fixtures/sigv4-botocore/vectors.json

Each vector holds the request a signer is GIVEN (raw HTTP/1.1 text in the
format of the official suite's .req files) and what botocore produces for it:
the canonical request, the string to sign and the Authorization header.

The request text contains the Host and X-Amz-Date headers and every header
the caller set.  It does NOT contain X-Amz-Security-Token (the signer adds it
from `sessionToken` and signs it) nor, for S3, X-Amz-Content-SHA256 (the S3
signer adds it: the hex SHA-256 of the body, and signs it).  A header line
that starts with spaces or tabs continues the previous header's value; the
pieces are trimmed and joined with one space.  Repeated header lines with the
same name (in any letter case) are joined with "," in order.

Signing goes through botocore's own `add_auth` (SigV4Auth / S3SigV4Auth) with
botocore's clock pinned to the vector's date, so the output is deterministic:
no current time, no randomness, fixed order.  Only the standard library and
botocore are used.
"""

import argparse
import datetime
import hashlib
import hmac
import json
import os
import sys
from unittest import mock
from urllib.parse import urlsplit

import botocore
import botocore.auth
from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.utils import percent_encode, percent_encode_sequence

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(REPO_ROOT, 'Tests', 'AWSClientTests', 'Fixtures')
OUTPUT = os.path.join(FIXTURES, 'sigv4-botocore', 'vectors.json')
SUITE = os.path.join(FIXTURES, 'sigv4-suite')

SIGV4_TIMESTAMP = '%Y%m%dT%H%M%SZ'
DEFAULT_DATE = '20150830T123600Z'

# Fake credentials only.  Secrets contain EXAMPLE or FAKE.
SUITE_CREDS = ('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY')
CREDS_B = ('AKIDFAKEKEY0000002', 'FAKE/secret+Key/for/tests/only/EXAMPLE0')
CREDS_C = ('AKIDEXAMPLESESSION', 'fakeSessionSecretKeyEXAMPLE/abc+def/ghi')
CREDS_D = ('AKIDEXAMPLECN', 'ChinaRegionFAKEsecretKeyEXAMPLE+/+/0123')

TOKEN_1 = ('FAKEsessionTOKEN//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4'
           'FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI+qkP'
           'pKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0'
           'wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0'
           'iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIl'
           'TJabIQwj2ICCR/oLxBA==')
TOKEN_2 = 'IQoJb3JpZ2luX2VjEXAMPLE//FAKE+token/value=='
TOKEN_3 = 'FAKE-short-token_0123456789.EXAMPLE~'


# ---------------------------------------------------------------------------
# Helpers that build the wire form of a URL the way botocore's serializers do.
# ---------------------------------------------------------------------------

def s3_key(key):
    """Path of an S3 object key as botocore puts it on the wire ({Key+})."""
    return '/' + percent_encode(key, safe='/~')


def query(pairs):
    """Query string as botocore puts it on the wire (percent_encode_sequence)."""
    return percent_encode_sequence(pairs)


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------
# Signing with botocore.
# ---------------------------------------------------------------------------

class _Recording:
    """Mixin keeping the canonical request and string to sign that
    botocore's add_auth computed (add_auth itself only logs them)."""

    def canonical_request(self, request):
        self.recorded_canonical_request = super().canonical_request(request)
        return self.recorded_canonical_request

    def string_to_sign(self, request, canonical_request):
        self.recorded_string_to_sign = super().string_to_sign(
            request, canonical_request)
        return self.recorded_string_to_sign


class RecordingSigV4Auth(_Recording, SigV4Auth):
    pass


class RecordingS3SigV4Auth(_Recording, S3SigV4Auth):
    pass


def botocore_sign(method, url, headers, body, service, region, s3,
                  access_key, secret_key, session_token, date):
    """Sign a request with botocore at a pinned time.

    headers: list of (name, value); repeated names are kept (botocore's
    HTTPHeaders is an email.message.Message, so item assignment appends).
    Returns (AWSRequest after signing, prepared request, signer).
    """
    request = AWSRequest(method=method, url=url, data=body)
    for name, value in headers:
        request.headers[name] = value
    credentials = Credentials(access_key, secret_key, session_token)
    signer_cls = RecordingS3SigV4Auth if s3 else RecordingSigV4Auth
    signer = signer_cls(credentials, service, region)
    pinned = datetime.datetime.strptime(date, SIGV4_TIMESTAMP)
    # add_auth reads the clock through botocore.auth.get_current_datetime.
    with mock.patch.object(botocore.auth, 'get_current_datetime',
                           return_value=pinned):
        signer.add_auth(request)
    prepared = request.prepare()
    return request, prepared, signer


# ---------------------------------------------------------------------------
# Raw request text (the format of the official suite's .req files).
# ---------------------------------------------------------------------------

def header_value_for_botocore(value):
    """A header given as a list of lines is a multi-line (folded) header:
    the equivalent single value is the trimmed lines joined with a space."""
    if isinstance(value, list):
        return ' '.join(line.strip(' \t') for line in value)
    return value


def header_lines(name, value):
    if isinstance(value, list):
        return [f'{name}:{value[0]}'] + list(value[1:])
    return [f'{name}:{value}']


def request_text(method, path, query_string, headers, body):
    target = path + ('?' + query_string if query_string else '')
    lines = [f'{method} {target} HTTP/1.1']
    for name, value in headers:
        lines.extend(header_lines(name, value))
    text = '\n'.join(lines)
    if body:
        text += '\n\n' + body.decode('utf-8')
    return text


# ---------------------------------------------------------------------------
# Vector definitions.
# ---------------------------------------------------------------------------

VECTORS = []


def vector(name, description, method, url, headers=(), body=None,
           service='service', region='us-east-1', s3=False,
           creds=SUITE_CREDS, token=None, date=DEFAULT_DATE):
    if isinstance(body, str):
        body = body.encode('utf-8')
    VECTORS.append(dict(
        name=name, description=description, method=method, url=url,
        headers=list(headers), body=body, service=service, region=region,
        s3=s3, creds=creds, token=token, date=date))


FORM = 'application/x-www-form-urlencoded; charset=utf-8'
JSON11 = 'application/x-amz-json-1.1'
EX = 'https://example.amazonaws.com'
EC2 = 'https://ec2.us-east-1.amazonaws.com'
S3B = 'https://examplebucket.s3.amazonaws.com'

# --- Non-S3 paths: normalization and double encoding ----------------------

vector('path-double-slashes',
       'non-S3: empty segments from "//" are removed, trailing slash kept',
       'GET', EX + '//a//b//')
vector('path-dot-segments',
       'non-S3: "." segments are removed',
       'GET', EX + '/./a/./b/')
vector('path-dot-dot-segments',
       'non-S3: ".." removes the previous segment',
       'GET', EX + '/a/b/../c/d/../../e')
vector('path-dot-dot-above-root',
       'non-S3: ".." at the root is dropped',
       'GET', EX + '/../../a/b')
vector('path-trailing-dot-dot',
       'non-S3: a path ending in ".." (no trailing "/") normalizes WITHOUT a '
       'trailing slash in botocore ("/a/b/.." -> "/a"; RFC 3986 5.2.4 would '
       'give "/a/"). botocore-specific, not covered by the official suite',
       'GET', EX + '/a/b/..')
vector('path-trailing-slash',
       'non-S3: trailing slash is preserved',
       'GET', EX + '/a/b/')
vector('path-encoded-space',
       'non-S3: "%20" on the wire is encoded again ("%" -> "%25")',
       'GET', EX + '/example%20space/')
vector('path-encoded-unicode',
       'non-S3: percent-encoded UTF-8 on the wire is encoded again',
       'GET', EX + '/%E1%88%B4/caf%C3%A9')
vector('path-raw-reserved-characters',
       'non-S3: sub-delims and ":" "@" sent unencoded are percent-encoded once',
       'GET', EX + "/$&=+:@!*'(),;/x")
vector('path-encoded-reserved-characters',
       'non-S3: sub-delims sent percent-encoded are encoded again',
       'GET', EX + '/' + percent_encode("$&=+:@!*'(),;") + '/x')
vector('path-encoded-percent',
       'non-S3: "%25" on the wire becomes "%2525"',
       'GET', EX + '/100%25/done')
vector('path-encoded-slash',
       'non-S3: "%2F" is not a segment separator; it is encoded again',
       'GET', EX + '/a%2Fb/c')
vector('path-encoded-dots-not-normalized',
       'non-S3: "%2E%2E" is not treated as ".."; it is encoded again',
       'GET', EX + '/a/%2E%2E/b')
vector('path-and-query-combined',
       'non-S3: path normalization and query sorting together',
       'GET', EX + '/a/./b//c/../?' + query([('z', '1'), ('y', 'a b')]),
       creds=CREDS_B, region='eu-west-1')
vector('path-unreserved',
       'non-S3: unreserved characters are left alone',
       'GET', EX + '/-._~AZaz09')

# --- S3 paths: verbatim, no normalization, no double encoding -------------

vector('s3-key-odd-characters',
       'S3: key with space, unicode and reserved characters, encoded once '
       'on the wire by botocore, used verbatim',
       'GET', S3B + s3_key("photos/2015 summer/caf\u00e9 \u1234 $&=+:@!*'(),;.jpg"),
       service='s3', s3=True)
vector('s3-key-double-slash',
       'S3: "//" inside a key is not collapsed',
       'GET', S3B + s3_key('a//b///c'), service='s3', s3=True)
vector('s3-key-dot-segments',
       'S3: "." and ".." inside a key are not resolved',
       'GET', S3B + s3_key('a/./b/../c/..'), service='s3', s3=True)
vector('s3-key-percent',
       'S3: a "%" in a key is "%25" on the wire and stays "%25"',
       'GET', S3B + s3_key('100%.txt'), service='s3', s3=True)
vector('s3-key-trailing-slash-path-style',
       'S3 path-style in eu-west-1: folder key ending in "/"',
       'GET', 'https://s3.eu-west-1.amazonaws.com/examplebucket'
       + s3_key('folder/sub folder/'),
       service='s3', region='eu-west-1', s3=True, creds=CREDS_B)
vector('s3-key-tilde-and-unreserved',
       'S3: unreserved characters including "~" stay as they are',
       'GET', S3B + s3_key('-._~AZaz09'), service='s3', s3=True)

# --- Query strings ---------------------------------------------------------

vector('query-unsorted-keys',
       'keys are sorted by code point',
       'GET', EX + '/?c=3&b=2&a=1')
vector('query-key-case-order',
       'uppercase keys sort before lowercase keys',
       'GET', EX + '/?b=1&B=2&a=3&A=4')
vector('query-repeated-key-values',
       'repeated key: pairs are sorted by value',
       'GET', EX + '/?k=3&k=1&k=B&k=2&k=a')
vector('query-key-prefix-sort',
       'sorting is by (key, value), not by the "key=value" string: '
       '"a=2" sorts before "a-b=1"',
       'GET', EX + '/?a-b=1&a=2&a_b=3')
vector('query-empty-value-and-bare-key',
       '"a=" and a bare "b" both become "key=" in the canonical query',
       'GET', EX + '/?b&c=x&a=')
vector('query-encoded-reserved-in-values',
       'values with encoded "=", "&", "+", space, "/" and unicode '
       '(wire form from botocore percent_encode_sequence)',
       'GET', EX + '/?' + query([('q', 'a=b&c+d e/f'), ('u', '\u20ac\u1234')]))
vector('query-encoded-plus-and-space',
       '"%2B" and "%20" are distinct and kept as sent',
       'GET', EX + '/?' + query([('plus', '1+1'), ('space', '1 1')]))
vector('query-sort-encoded-vs-decoded',
       'keys are sorted in encoded form: "a%3Ab" sorts before "a-b" '
       '(decoded ":" would sort after "-")',
       'GET', EX + '/?' + query([('a-b', '1'), ('a:b', '2'), ('a', '3')]))
vector('query-unicode-key-sort',
       'an encoded unicode key sorts before ASCII letters',
       'GET', EX + '/?' + query([('Param', 'v2'), ('\u1234', 'v1'),
                                 ('Param-3', 'v3')]))
vector('query-encoded-key-with-equals',
       'an encoded "=" in a key is part of the key',
       'GET', EX + '/?' + query([('a=b', 'c'), ('a', 'd')]))
vector('query-unreserved-kept',
       'unreserved characters in keys and values are kept',
       'GET', EX + '/?' + query([('Z-._~', 'v-._~'), ('A', '0')]))

# --- Headers ---------------------------------------------------------------

vector('header-mixed-case-names',
       'header names are lowercased; values keep their case',
       'GET', EX + '/',
       headers=[('X-AmZ-Meta-FoO', 'BaR'), ('My-HEADER', 'MiXeD Value')])
vector('header-padded-values',
       'leading and trailing spaces are trimmed',
       'GET', EX + '/',
       headers=[('My-Header1', '   value1   '), ('My-Header2', ' v2')])
vector('header-inner-space-runs',
       'runs of spaces inside a value collapse to one, also inside quotes',
       'GET', EX + '/',
       headers=[('My-Header1', 'a    b     c'),
                ('My-Header2', '"quoted    value"')])
vector('header-tabs',
       'tabs are whitespace too: trimmed at the ends, inner runs of tabs and '
       'spaces collapse to one space',
       'GET', EX + '/',
       headers=[('My-Header1', '\ta\t\tb \t c\t'), ('My-Header2', 'x\ty')])
vector('header-duplicates',
       'repeated header lines are joined with "," in order, names compared '
       'case-insensitively',
       'GET', EX + '/',
       headers=[('My-Header1', 'value2'), ('X-Dup', ' one '),
                ('My-Header1', 'value1'), ('x-dup', 'two   2'),
                ('My-Header1', 'value3')])
vector('header-multiline',
       'a folded header: continuation lines are trimmed and joined with one '
       'space',
       'GET', EX + '/',
       headers=[('My-Header1', ['value1', '  value2', '\t value3  more'])])
vector('header-empty-value',
       'an empty header value is signed as "name:"',
       'GET', EX + '/',
       headers=[('X-Empty', ''), ('X-Blank', '   ')])
vector('header-name-sort',
       'canonical headers are sorted by lowercased name',
       'GET', EX + '/',
       headers=[('Zeta', '1'), ('x-amz-meta-a-b', '2'), ('X-Amz-Meta-A', '3'),
                ('Alpha', '4'), ('content-md5', '5')])
vector('header-unsigned-by-botocore',
       'botocore never signs User-Agent, X-Amzn-Trace-Id, Expect, Connection '
       '(and other hop-by-hop headers); they are sent but not signed',
       'PUT', EX + '/',
       headers=[('User-Agent', 'stack-verify/1.0'),
                ('X-Amzn-Trace-Id', 'Root=1-5759e988-bd862e3fe1be46a994272793'),
                ('Expect', '100-continue'), ('Connection', 'keep-alive'),
                ('Content-Type', 'text/plain')],
       body='hello')

# --- Bodies: query (form) and JSON 1.1 protocols -------------------------

vector('ec2-describe-vpcs-form',
       'EC2 query protocol: POST form body',
       'POST', EC2 + '/',
       headers=[('Content-Type', FORM)],
       body='Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=vpc-id'
            '&Filter.1.Value.1=vpc-123',
       service='ec2', creds=CREDS_B)
vector('ec2-describe-vpcs-form-session-token',
       'EC2 query protocol with a session token (ap-southeast-2)',
       'POST', 'https://ec2.ap-southeast-2.amazonaws.com/',
       headers=[('Content-Type', FORM)],
       body='Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=vpc-id'
            '&Filter.1.Value.1=vpc-123',
       service='ec2', region='ap-southeast-2', creds=CREDS_C, token=TOKEN_1)
vector('sts-get-caller-identity',
       'STS query protocol, global endpoint',
       'POST', 'https://sts.amazonaws.com/',
       headers=[('Content-Type', FORM)],
       body='Action=GetCallerIdentity&Version=2011-06-15',
       service='sts')
vector('sts-get-caller-identity-regional-token',
       'STS regional endpoint with a session token',
       'POST', 'https://sts.eu-west-1.amazonaws.com/',
       headers=[('Content-Type', FORM)],
       body='Action=GetCallerIdentity&Version=2011-06-15',
       service='sts', region='eu-west-1', creds=CREDS_C, token=TOKEN_2,
       date='20240229T235959Z')
vector('cloudformation-describe-stacks-form',
       'CloudFormation query protocol with an encoded ARN in the body',
       'POST', 'https://cloudformation.eu-west-1.amazonaws.com/',
       headers=[('Content-Type', FORM)],
       body='Action=DescribeStacks&Version=2010-05-15&StackName='
            + percent_encode('arn:aws:cloudformation:eu-west-1:123456789012:'
                             'stack/my-stack/1c2fa620-982a-11e3-aff7-50e2416294e0'),
       service='cloudformation', region='eu-west-1', creds=CREDS_B)
vector('kms-describe-key-json',
       'KMS JSON 1.1 with X-Amz-Target',
       'POST', 'https://kms.us-east-1.amazonaws.com/',
       headers=[('Content-Type', JSON11),
                ('X-Amz-Target', 'TrentService.DescribeKey')],
       body='{"KeyId": "alias/example-key"}',
       service='kms')
vector('kms-describe-key-json-session-token',
       'KMS JSON 1.1 with a session token (eu-west-1)',
       'POST', 'https://kms.eu-west-1.amazonaws.com/',
       headers=[('Content-Type', JSON11),
                ('X-Amz-Target', 'TrentService.DescribeKey')],
       body='{"KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab"}',
       service='kms', region='eu-west-1', creds=CREDS_C, token=TOKEN_3)
vector('logs-describe-log-groups-json',
       'CloudWatch Logs JSON 1.1 in ap-southeast-2',
       'POST', 'https://logs.ap-southeast-2.amazonaws.com/',
       headers=[('Content-Type', JSON11),
                ('X-Amz-Target', 'Logs_20140328.DescribeLogGroups')],
       body='{"logGroupNamePrefix": "/aws/lambda/", "limit": 50}',
       service='logs', region='ap-southeast-2', creds=CREDS_B)
vector('ecs-describe-clusters-json',
       'ECS JSON 1.1',
       'POST', 'https://ecs.us-east-1.amazonaws.com/',
       headers=[('Content-Type', JSON11),
                ('X-Amz-Target',
                 'AmazonEC2ContainerServiceV20141113.DescribeClusters')],
       body='{"clusters": ["default", "prod"]}',
       service='ecs')
vector('ecs-describe-clusters-json-cn-north-1-token',
       'ECS JSON 1.1 in the China partition with a session token',
       'POST', 'https://ecs.cn-north-1.amazonaws.com.cn/',
       headers=[('Content-Type', JSON11),
                ('X-Amz-Target',
                 'AmazonEC2ContainerServiceV20141113.DescribeClusters')],
       body='{"clusters": ["default"]}',
       service='ecs', region='cn-north-1', creds=CREDS_D, token=TOKEN_2)
vector('logs-json-unicode-body',
       'JSON body with non-ASCII characters: the hash is over the UTF-8 bytes',
       'POST', 'https://logs.us-east-1.amazonaws.com/',
       headers=[('Content-Type', JSON11),
                ('X-Amz-Target', 'Logs_20140328.DescribeLogGroups')],
       body='{"logGroupNamePrefix": "caf\u00e9-\u1234"}',
       service='logs')
vector('ec2-get-query-cn-north-1',
       'EC2 query protocol sent as GET with the parameters in the URL '
       '(China partition)',
       'GET', 'https://ec2.cn-north-1.amazonaws.com.cn/?'
       + query([('Action', 'DescribeInstances'), ('Version', '2016-11-15'),
                ('InstanceId.1', 'i-0123456789abcdef0')]),
       service='ec2', region='cn-north-1', creds=CREDS_D)

# --- Host with a port ------------------------------------------------------

vector('host-with-port-cloudformation',
       'local endpoint with a port over http; the port is part of Host',
       'POST', 'http://127.0.0.1:5000/',
       headers=[('Content-Type', FORM)],
       body='Action=ListStacks&Version=2010-05-15',
       service='cloudformation', creds=CREDS_B)
vector('host-with-port-s3',
       'S3 path-style on a local endpoint with a port',
       'GET', 'http://127.0.0.1:5000/examplebucket' + s3_key('a b.txt'),
       service='s3', s3=True)

# --- S3 operations ---------------------------------------------------------

vector('s3-head-bucket',
       'S3 HEAD on a bucket',
       'HEAD', S3B + '/', service='s3', s3=True)
vector('s3-get-bucket-encryption',
       'S3 sub-resource "?encryption" (bare key -> "encryption=")',
       'GET', S3B + '/?encryption', service='s3', s3=True)
vector('s3-get-bucket-versioning',
       'S3 sub-resource "?versioning" with a session token',
       'GET', S3B + '/?versioning', service='s3', s3=True,
       creds=CREDS_C, token=TOKEN_1)
vector('s3-get-bucket-location',
       'S3 sub-resource "?location", path-style in ap-southeast-2',
       'GET', 'https://s3.ap-southeast-2.amazonaws.com/examplebucket?location',
       service='s3', region='ap-southeast-2', s3=True, creds=CREDS_B)
vector('s3-list-objects-v2',
       'S3 ListObjectsV2 with an encoded "/" in the prefix',
       'GET', S3B + '/?list-type=2&prefix=a%2Fb', service='s3', s3=True)
vector('s3-list-objects-v2-unsorted',
       'S3 ListObjectsV2 with several parameters out of order',
       'GET', S3B + '/?' + query([('prefix', 'photos/2015 summer/'),
                                  ('list-type', '2'),
                                  ('delimiter', '/'),
                                  ('encoding-type', 'url'),
                                  ('continuation-token', 'FAKE+token/==')]),
       service='s3', s3=True, creds=CREDS_B)
vector('s3-put-object',
       'S3 PUT with a body; X-Amz-Content-SHA256 is the body hash',
       'PUT', S3B + s3_key('reports/2015/08/30.csv'),
       headers=[('Content-Type', 'text/csv'),
                ('x-amz-meta-Author', '  Jane   Doe  '),
                ('x-amz-storage-class', 'STANDARD_IA')],
       body='id,name\n1,caf\u00e9\n', service='s3', s3=True)
vector('s3-put-object-session-token-cn-north-1',
       'S3 PUT in the China partition with a session token',
       'PUT', 'https://examplebucket.s3.cn-north-1.amazonaws.com.cn'
       + s3_key('dir/file name.txt'),
       headers=[('Content-Type', 'text/plain')],
       body='hello world', service='s3', region='cn-north-1', s3=True,
       creds=CREDS_D, token=TOKEN_2, date='20191231T235959Z')
vector('s3-head-object',
       'S3 HEAD on an object whose key contains "+" and "="',
       'HEAD', S3B + s3_key('a+b=c.bin'), service='s3', s3=True,
       creds=CREDS_B)
vector('s3-delete-object-version',
       'S3 DELETE with a versionId query parameter',
       'DELETE', S3B + s3_key('logs/old.log') + '?'
       + query([('versionId', '3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo')]),
       service='s3', s3=True)
vector('s3-get-object-acl',
       'S3 "?acl" sub-resource on an object with an odd key',
       'GET', S3B + s3_key("a/b c/(1)!.txt") + '?acl', service='s3', s3=True,
       creds=CREDS_C, token=TOKEN_3)
vector('s3-header-dedupe-and-trim',
       'S3 with repeated and padded x-amz-meta headers',
       'GET', S3B + '/', service='s3', s3=True,
       headers=[('X-Amz-Meta-Tag', ' a '), ('x-amz-meta-tag', 'b   c'),
                ('Range', 'bytes=0-9')])


# ---------------------------------------------------------------------------
# Building the vectors file.
# ---------------------------------------------------------------------------

def build_vector(v):
    """Sign one vector definition with botocore and return its JSON object."""
    access_key, secret_key = v['creds']
    botocore_headers = [('X-Amz-Date', v['date'])]
    botocore_headers += [(n, header_value_for_botocore(val))
                         for n, val in v['headers']]
    request, prepared, signer = botocore_sign(
        v['method'], v['url'], botocore_headers, v['body'], v['service'],
        v['region'], v['s3'], access_key, secret_key, v['token'], v['date'])

    wire = urlsplit(prepared.url)
    host = botocore.auth._host_from_url(v['url'])
    given_headers = [('Host', host)] + list(v['headers']) + [
        ('X-Amz-Date', v['date'])]
    body = prepared.body
    if isinstance(body, str):
        body = body.encode('utf-8')
    assert body == v['body'] or (not body and not v['body']), v['name']
    text = request_text(v['method'], wire.path or '/', wire.query,
                        given_headers, v['body'])

    # Sanity checks: botocore signed what we describe, at the pinned date.
    assert request.headers['X-Amz-Date'] == v['date'], v['name']
    assert ('X-Amz-Security-Token' in request.headers) == bool(v['token'])
    if v['s3']:
        assert request.headers['X-Amz-Content-SHA256'] == sha256_hex(
            v['body'] or b''), v['name']
    creq = signer.recorded_canonical_request
    sts = signer.recorded_string_to_sign
    authorization = request.headers['Authorization']
    assert authorization.endswith(
        'Signature=' + signer.signature(sts, request)), v['name']

    return {
        'name': v['name'],
        'description': v['description'],
        'service': v['service'],
        'region': v['region'],
        's3': v['s3'],
        'accessKey': access_key,
        'secretKey': secret_key,
        'sessionToken': v['token'],
        'date': v['date'],
        'request': text,
        'canonicalRequest': creq,
        'stringToSign': sts,
        'authorization': authorization,
    }


def generate():
    names = [v['name'] for v in VECTORS]
    assert len(names) == len(set(names)), 'duplicate vector names'
    doc = {
        'generator': 'scripts/gen-sigv4-vectors.py',
        'oracle': f'botocore {botocore.__version__}',
        'vectors': [build_vector(v) for v in VECTORS],
    }
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, 'w', encoding='utf-8', newline='\n') as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write('\n')
    print(f'wrote {len(VECTORS)} vectors to {os.path.relpath(OUTPUT)}')


# ---------------------------------------------------------------------------
# Checking botocore against the official AWS SigV4 test suite.
# ---------------------------------------------------------------------------

def parse_req(text):
    """Parse a .req file: request line, headers (with continuation lines,
    kept as lists of lines), optional body after a blank line."""
    head, sep, body = text.partition('\n\n')
    lines = head.split('\n')
    method, rest = lines[0].split(' ', 1)
    target = rest.rsplit(' ', 1)[0]  # the path may contain spaces (get-space)
    headers = []
    for line in lines[1:]:
        if not line:
            continue  # some .req files end with a newline
        if line[:1] in (' ', '\t') and headers:
            name, value = headers[-1]
            if not isinstance(value, list):
                value = [value]
            headers[-1] = (name, value + [line])
        else:
            name, _, value = line.partition(':')
            headers.append((name, value))
    return method, target, headers, body.encode('utf-8') if sep else None


def hmac_signature(secret_key, sts):
    scope = sts.split('\n')[2].split('/')

    def mac(key, msg):
        return hmac.new(key, msg.encode('utf-8'), hashlib.sha256).digest()

    key = mac(('AWS4' + secret_key).encode('utf-8'), scope[0])
    for part in scope[1:]:
        key = mac(key, part)
    return hmac.new(key, sts.encode('utf-8'), hashlib.sha256).hexdigest()


def check_suite(root):
    access_key, secret_key = SUITE_CREDS
    failures = 0
    for directory, _, files in sorted(os.walk(root)):
        for req_file in sorted(f for f in files if f.endswith('.req')):
            case = req_file[:-4]

            def read(ext):
                with open(os.path.join(directory, case + ext),
                          encoding='utf-8') as f:
                    return f.read()

            creq, sts, authz = read('.creq'), read('.sts'), read('.authz')
            method, target, headers, body = parse_req(read('.req'))
            notes = []
            # Internal consistency of the suite's own files.
            if sts.split('\n')[3] != sha256_hex(creq.encode('utf-8')):
                notes.append('suite: .sts hash != sha256(.creq)')
            if not authz.endswith('Signature=' +
                                  hmac_signature(secret_key, sts)):
                notes.append('suite: .authz signature != HMAC over .sts')
            sreq_auth = [line for line in read('.sreq').split('\n')
                         if line.startswith('Authorization:')]
            if sreq_auth != ['Authorization: ' + authz]:
                notes.append('suite: .sreq Authorization != .authz')

            # Session tokens: the signer adds X-Amz-Security-Token itself.
            token = None
            for line in creq.split('\n'):
                if line.startswith('x-amz-security-token:'):
                    token = line.split(':', 1)[1]
            headers = [(n, v) for n, v in headers
                       if n.lower() != 'x-amz-security-token']
            botocore_headers = [(n, header_value_for_botocore(v))
                                for n, v in headers]
            host = [v for n, v in headers if n.lower() == 'host'][0].strip()
            url = 'https://' + host + target
            request, _, signer = botocore_sign(
                method, url, botocore_headers, body, 'service', 'us-east-1',
                False, access_key, secret_key, token, DEFAULT_DATE)
            got_creq = signer.recorded_canonical_request
            got_sts = signer.recorded_string_to_sign
            got_authz = request.headers['Authorization']
            result = []
            for label, got, want in (('creq', got_creq, creq),
                                     ('sts', got_sts, sts),
                                     ('authz', got_authz, authz)):
                if got != want:
                    result.append(label)
            status = 'OK  ' if not result else 'DIFF'
            failures += bool(result)
            rel = os.path.relpath(os.path.join(directory, case), root)
            extra = f' token={token[:12]}...' if token else ''
            print(f'{status} {rel}{extra}'
                  + (f"  differs: {', '.join(result)}" if result else '')
                  + (f"  [{'; '.join(notes)}]" if notes else ''))
            if result and 'creq' in result:
                print('     botocore creq: ' + repr(got_creq))
                print('     suite    creq: ' + repr(creq))
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--check-suite', nargs='?', const=SUITE,
                        metavar='DIR',
                        help='compare botocore with the official suite in DIR '
                             '(default: the copy in the test fixtures) '
                             'instead of writing vectors')
    args = parser.parse_args()
    if args.check_suite:
        check_suite(args.check_suite)
    else:
        generate()


if __name__ == '__main__':
    sys.exit(main())
